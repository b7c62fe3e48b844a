// easyread-kiosk: wires the parts together; the work happens in them.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "kiosk/app/command_line.hpp"
#include "kiosk/core/backend.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/app/fonts.hpp"
#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/app/picture_textures.hpp"
#include "kiosk/app/platform_window.hpp"
#include "kiosk/app/screens/screen_frame.hpp"
#include "kiosk/app/speech.hpp"
#include "kiosk/app/startup.hpp"
#include "kiosk/app/tap_script.hpp"
#include "kiosk/app/theme.hpp"
#include "kiosk/app/trace_log.hpp"
#include "kiosk/app/tracing_backend.hpp"

using namespace easyread::kiosk;
using namespace easyread::kiosk::ui;

namespace {

// The one window, with sizes in millimetres for its screen, fonts and theme:
// the same for the kiosk and for the screen that refuses a survey.
template <class SinceStart>
bool open_screen(const KioskOptions& options, const std::string& title, PlatformWindow& window, UiContext& ui,
                 TraceLog& trace, SinceStart since_start, std::string& error) {
    WindowRequest request;
    request.fullscreen = !options.windowed;
    request.width = options.window_w;
    request.height = options.window_h;
    request.title = title;
    if (!window.open(request, error)) return false;
    trace.line("phase window " + since_start());
    // Sizes in millimetres need the screen's real dpi: --dpi, else the monitor's own physical size.
    const float monitor_dpi = window.monitor_dpi();
    ui.metrics = metrics_for_screen(options.dpi > 0 ? options.dpi : monitor_dpi,
                                    static_cast<float>(window.width()), static_cast<float>(window.height()));
    ui.dpi_source = options.dpi > 0 ? "from --dpi"
                    : monitor_dpi > 0 ? "from the monitor's size"
                                      : "assumed: the monitor does not say its size; give --dpi";
    trace.line("dpi " + std::to_string(std::lround(ui.metrics.px_per_mm * 25.4f)) + " " + ui.dpi_source);
    if (!load_fonts(ImGui::GetIO(), ui.metrics, ui.fonts, error)) return false;
    apply_theme(ImGui::GetStyle(), ui.metrics.border);
    trace.line("phase fonts " + since_start());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    KioskOptions options;
    std::string error;
    switch (parse_command_line(argc, argv, options, error)) {
        case ParseOutcome::ShowHelp: std::fputs(usage_text().c_str(), stdout); return 0;
        case ParseOutcome::ShowVersion: std::printf("easyread-kiosk %s\n", EASYREAD_VERSION); return 0;
        case ParseOutcome::Error: std::fprintf(stderr, "easyread-kiosk: error: %s\n", error.c_str()); return 2;
        case ParseOutcome::Run: break;
    }
    TraceLog trace;
    TapScript script;
    if (!trace.open_from_environment(error) || (!options.script_path.empty() && !script.load(options.script_path, error))) {
        std::fprintf(stderr, "easyread-kiosk: error: %s\n", error.c_str());
        return 2;
    }
    // Survey, pictures and database are checked before any window opens.
    KioskData data;
    std::string report;
    const bool ready = prepare_kiosk(options, data, report);
    std::fputs(report.c_str(), stderr);
    // Without a display (or under a script) the terminal words are all.
    if (!ready && !options.script_path.empty()) return 1;
    auto since_start = [&] {
        return std::to_string(
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    };
    if (ready) trace.line("phase checked " + since_start());

    PlatformWindow window;
    UiContext ui;
    const std::string title = data.survey.title.empty() ? "easyread kiosk" : data.survey.title;
    if (!open_screen(options, title, window, ui, trace, since_start, error)) {
        // A refused survey without a display: its own words on the terminal are all.
        if (ready) std::fprintf(stderr, "easyread-kiosk: error: %s\n", error.c_str());
        return 1;
    }
    if (!ready) {
        // Staff see the problems on the kiosk's own screen too, not only on a
        // terminal nobody watches.
        run_refusal_screen(window, ui, trace,
                           {"Staff: this survey cannot start", report + "\nFix the survey file, then start the kiosk again."});
        return 1;
    }
    // Every screen must fit with 20 mm buttons: refuse a screen that cannot, before anyone uses it.
    if (std::string small = screen_too_small(ui.metrics); !small.empty()) {
        std::fprintf(stderr, "easyread-kiosk: error: %s\n", small.c_str());
        trace.line("refused screen-too-small");
        // Said on the screen too (never a black screen), until staff close it.
        if (options.script_path.empty())
            run_refusal_screen(window, ui, trace,
                               {"Staff: this screen is too small for the kiosk", "easyread-kiosk: error: " + small});
        return 1;
    }
    if (!options.script_path.empty()) window.set_vsync(false);

    SteppedClock clock;
    StoreBackend store_backend(*data.store, clock, data.settings.export_dir);
    TracingBackend backend(store_backend, trace);
    Session session(data.survey, data.settings, clock, backend, data.review_chunks);
    PictureTextures textures;
    ui.textures = &textures;
    ui.bank = &data.bank;
    ui.document = data.document.count() > 0 ? &data.document : nullptr;
    ui.survey_warnings = data.survey_warnings;

    // The speech engine starts after the first frame (see run_kiosk_loop),
    // so loading its dictionaries does not delay the first picture.
    Speech speech([] { PlatformWindow::wake(); });

    KioskLoop loop{session, clock, window, ui, speech, trace,
                   options.script_path.empty() ? nullptr : &script, started, data.survey.lang};
    return run_kiosk_loop(loop);
}
