#include "kiosk/core/export_places.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

namespace {

namespace fs = std::filesystem;

// /proc/mounts writes a space in a mount point as \040 (also tab, newline, backslash).
std::string unescape_mount_field(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3]))) {
            out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The disk a partition lives on: sdb1 -> sdb, mmcblk0p1 -> mmcblk0, nvme0n1p2 -> nvme0n1.
std::string disk_of(const std::string& sys_block, const std::string& device) {
    std::error_code ec;
    if (fs::exists(sys_block + "/" + device, ec)) return device;
    for (const auto& entry : fs::directory_iterator(sys_block, ec)) {
        const std::string disk = entry.path().filename().string();
        if (device.size() <= disk.size() || device.compare(0, disk.size(), disk) != 0) continue;
        std::string rest = device.substr(disk.size());
        if (rest[0] == 'p') rest.erase(0, 1);
        if (all_digits(rest)) return disk;
    }
    return {};
}

bool removable_disk(const std::string& sys_block, const std::string& disk) {
    std::ifstream in(sys_block + "/" + disk + "/removable");
    std::string flag;
    if (in >> flag && flag == "1") return true;
    // Many USB drives say removable=0: the device's place on the bus tells.
    std::error_code ec;
    const std::string device = fs::canonical(sys_block + "/" + disk, ec).string();
    return !ec && device.find("/usb") != std::string::npos;
}

bool mounted_read_only(const std::string& options) {
    std::stringstream in(options);
    std::string option;
    while (std::getline(in, option, ','))
        if (option == "ro") return true;
    return false;
}

}  // namespace

std::vector<ExportPlace> removable_drives(const std::string& root) {
    std::vector<ExportPlace> out;
    const std::string sys_block = root + "/sys/block";
    std::ifstream mounts(root + "/proc/mounts");
    std::set<std::string> seen;
    std::string line;
    while (std::getline(mounts, line)) {
        std::istringstream fields(line);
        std::string device, mount_point, type, options;
        if (!(fields >> device >> mount_point >> type >> options)) continue;
        if (device.rfind("/dev/", 0) != 0 || mounted_read_only(options)) continue;
        mount_point = unescape_mount_field(mount_point);
        if (mount_point == "/" || mount_point.rfind("/boot", 0) == 0 || !seen.insert(mount_point).second) continue;
        const std::string disk = disk_of(sys_block, device.substr(device.rfind('/') + 1));
        if (disk.empty() || !removable_disk(sys_block, disk)) continue;
        const std::string name = fs::path(mount_point).filename().string();
        out.push_back({std::string(kiosk_words().staff_export_stick.label) + " " + (name.empty() ? mount_point : name),
                       mount_point});
    }
    return out;
}

}  // namespace easyread::kiosk
