// Where staff may copy the answers to: the kiosk's own export folder and each
// removable drive (memory stick, SD card) mounted now, so the copy can leave
// the kiosk, also when the answers folder cannot be written.
#pragma once
#include <string>
#include <vector>

namespace easyread::kiosk {

struct ExportPlace {
    std::string label;  // words on the staff export screen ("Memory stick SANDISK")
    std::string dir;    // the folder the copy is written to
};

// Drives mounted for writing whose disk the kernel marks removable (or that
// hang off USB), from <root>/proc/mounts and <root>/sys/block/<disk>/. `root`
// is "" on a kiosk; tests give a folder holding their own proc and sys files.
// Read-only mounts (a locked stick) and the system's own "/" and "/boot" are
// left out. In the order /proc/mounts lists them, each mount point once.
std::vector<ExportPlace> removable_drives(const std::string& root = "");

}  // namespace easyread::kiosk
