#include "studio/export.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/outputs/conformance_report.hpp"
#include "studio/names.hpp"

namespace easyread::studio {

namespace {

// A private folder removed with everything in it when this goes.
struct TempFolder {
    std::string path;
    TempFolder() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/easyread-studio-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (::mkdtemp(buf.data())) path = buf.data();
    }
    ~TempFolder() {
        if (path.empty()) return;
        if (DIR* d = ::opendir(path.c_str())) {
            while (dirent* e = ::readdir(d)) {
                std::string n = e->d_name;
                if (n != "." && n != "..") ::unlink((path + "/" + n).c_str());
            }
            ::closedir(d);
        }
        ::rmdir(path.c_str());
    }
};

std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

const char* type_of(const std::string& format) {
    if (format == "pdf") return "application/pdf";
    if (format == "html") return "text/html; charset=utf-8";
    if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (format == "odt") return "application/vnd.oasis.opendocument.text";
    if (format == "mp3") return "audio/mpeg";
    return "application/zip";
}

// Zips `files` (full paths), each stored under its own file name.
bool zip_files(const std::string& zip_path, const std::vector<std::string>& files, std::string& error) {
    int code = 0;
    zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!z) {
        error = "cannot make the zip file";
        return false;
    }
    for (const auto& f : files) {
        zip_source_t* s = zip_source_file(z, f.c_str(), 0, -1);
        std::string name = f.substr(f.rfind('/') + 1);
        if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (s) zip_source_free(s);
            zip_discard(z);
            error = "cannot add " + name + " to the zip file";
            return false;
        }
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        error = "cannot finish the zip file";
        return false;
    }
    return true;
}

}  // namespace

bool export_document(const Compiled& c, const std::string& format, Download& out, std::string& error) {
    static const std::vector<std::string> kFormats = {"pdf", "html", "docx", "odt", "mp3", "png", "zip", "conformance"};
    if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end()) {
        error = "the studio cannot export " + format;
        return false;
    }
    if (!c.laid_out) {
        error = "the document cannot be laid out yet: see Check";
        return false;
    }
    TempFolder dir;
    if (dir.path.empty()) {
        error = "cannot make a temporary folder";
        return false;
    }
    const std::string stem = download_stem_for(c.doc.meta.get("title", "easy read document"));
    if (format == "conformance") {
        // Which rules of the standard the pages meet, as a PDF to hand on.
        const std::string path = dir.path + "/" + stem + " conformance.pdf";
        Diagnostics diags;
        if (!report::make_conformance_report(c, path, diags)) {
            error = diags.items().empty() ? "cannot make the conformance report" : diags.items().back().message;
            return false;
        }
        out.content_type = type_of("pdf");
        out.file_name = stem + " conformance.pdf";
        out.bytes = read_all(path);
        ::unlink(path.c_str());
        return !out.bytes.empty() || (error = "the conformance report is empty", false);
    }
    std::vector<std::string> formats =
        format == "zip" ? std::vector<std::string>{"pdf", "html", "docx", "odt", "mp3", "png"} : std::vector<std::string>{format};
    std::vector<std::string> written;
    Diagnostics diags;
    for (const auto& f : formats) {
        if (!render_output(c, dir.path + "/" + stem + "." + f, 150, written, diags)) {
            error = diags.items().empty() ? "cannot make the " + f + " file" : diags.items().back().message;
            return false;
        }
    }
    out.content_type = type_of(format);
    if (format == "png" || format == "zip") {
        const std::string zip = dir.path + "/" + stem + (format == "png" ? " pages" : "") + ".zip";
        if (!zip_files(zip, written, error)) return false;
        out.file_name = zip.substr(dir.path.size() + 1);
        out.bytes = read_all(zip);
        ::unlink(zip.c_str());
    } else {
        out.file_name = stem + "." + format;
        out.bytes = read_all(written.front());
    }
    // Files beside the HTML (long documents' clips) are in the folder too; all go with it.
    return !out.bytes.empty() || (error = "the exported file is empty", false);
}

}  // namespace easyread::studio
