#include "kiosk/app/fonts.hpp"

#include <imgui.h>
#include <sys/stat.h>

#include "kiosk/app/metrics.hpp"

namespace easyread::kiosk::ui {

namespace {

struct FontPair {
    const char* regular;
    const char* bold;
};

const FontPair kCandidates[] = {
    {"/usr/share/fonts/truetype/andika/Andika-Regular.ttf",
     "/usr/share/fonts/truetype/andika/Andika-Bold.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
};

bool exists(const char* path) {
    struct stat st {};
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

// Latin, Latin-1 and the punctuation speech-friendly text uses (curly quotes, dashes, pound sign).
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x20AC, 0x20AC, 0};

ImFont* add(ImGuiIO& io, const char* file, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // at 32 px and more, sub-pixel oversampling buys nothing visible
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return io.Fonts->AddFontFromFileTTF(file, px, &cfg, kRanges);
}

}  // namespace

bool load_fonts(ImGuiIO& io, const Metrics& metrics, KioskFonts& out, std::string& error) {
    for (const FontPair& pair : kCandidates) {
        if (!exists(pair.regular)) continue;
        const char* bold = exists(pair.bold) ? pair.bold : pair.regular;
        io.Fonts->Clear();
        out.body = add(io, pair.regular, metrics.text);
        out.heading = add(io, bold, metrics.heading);
        out.title = add(io, bold, metrics.title);
        if (!out.body || !out.heading || !out.title) continue;
        out.regular_file = pair.regular;
        out.bold_file = bold;
        io.FontDefault = out.body;
        return true;
    }
    error = "no font found: install fonts-sil-andika (or fonts-dejavu-core); tried";
    for (const FontPair& pair : kCandidates) error += std::string(" ") + pair.regular;
    return false;
}

}  // namespace easyread::kiosk::ui
