#include "generator/layout/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <strings.h>

namespace easyread {

bool font_family_installed(const std::string& family) {
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    if (!pat) return false;
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    bool ok = false;
    if (match) {
        FcChar8* got = nullptr;
        if (FcPatternGetString(match, FC_FAMILY, 0, &got) == FcResultMatch && got)
            ok = strcasecmp(reinterpret_cast<const char*>(got), family.c_str()) == 0;
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return ok;
}

std::string choose_font_family(const std::string& requested, Diagnostics& diags) {
    if (!requested.empty()) {
        if (font_family_installed(requested)) return requested;
        diags.warning({}, 0, 0, "missing-font", "the font \"" + requested + "\" is not installed; using another",
                      "Install it, or leave out --font to use Andika.");
    }
    if (font_family_installed("Andika")) return "Andika";
    if (requested.empty())
        diags.warning({}, 0, 0, "missing-font", "the Andika font is not installed; using DejaVu Sans",
                      "Install it with: apt-get install fonts-sil-andika");
    if (font_family_installed("DejaVu Sans")) return "DejaVu Sans";
    return "Sans";
}

}  // namespace easyread
