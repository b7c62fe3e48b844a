#include "kiosk/app/kiosk_loop.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#include "kiosk/app/hardware_keys.hpp"
#include "kiosk/app/screen_ui_state.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/tap_guard.hpp"

namespace easyread::kiosk::ui {

namespace {

// After input, draw this many frames: ImGui needs one to see a press and one
// to see the release, and one more settles hover and the pressed look.
constexpr int kFramesAfterInput = 3;
constexpr double kLongestSleepS = 60.0;

// `overlay` names the app's own panel when one is open ("help", "page-zoom").
// `shown` counts what a person has been shown (screens and panels): a tap
// waits for the settle time after it changes.
void trace_screen(TraceLog& trace, const SessionView& view, const char* overlay, const UiContext& ui,
                  std::uint64_t shown) {
    if (!trace.on()) return;
    trace.line(std::string("screen ") + (overlay ? overlay : screen_name(view.screen)) + " " +
               std::to_string(view.revision) + " " + std::to_string(shown));
    char buf[256];
    for (const TapTarget& t : ui.targets) {
        std::snprintf(buf, sizeof buf, " %.0f %.0f %.0f %.0f", t.min.x, t.min.y, t.max.x - t.min.x, t.max.y - t.min.y);
        trace.line("target " + t.name + buf);
    }
    for (const TapTarget& t : ui.shown) {
        std::snprintf(buf, sizeof buf, " %.0f %.0f %.0f %.0f", t.min.x, t.min.y, t.max.x - t.min.x, t.max.y - t.min.y);
        trace.line("shown " + t.name + buf);
    }
    trace.line("end");
}

void pump_speech(KioskLoop& loop) {
    while (std::optional<SpeechRequest> r = loop.session.take_speech()) {
        loop.trace.line("speech " + r->text);
        std::vector<std::string> parts = speech_parts(r->text);
        if (r->interrupt)
            loop.speech.say(std::move(parts));
        else
            loop.speech.add(std::move(parts));
    }
}

double seconds_to_sleep(KioskLoop& loop, int frames_left) {
    if (frames_left > 0 || loop.script || loop.window.input_pending()) return 0.0;
    const ImGuiIO& io = ImGui::GetIO();
    // A finger held down (the staff gesture) or the Welcome animation needs frames.
    if (io.MouseDown[0] || loop.session.view().animate) return 1.0 / 30.0;
    Millis deadline = loop.session.next_deadline();
    double s = static_cast<double>(deadline - loop.clock.now_ms()) / 1000.0;
    return std::clamp(s, 0.001, kLongestSleepS);
}

// What the last frame drew: a change means drawing again and tracing the screen.
struct Drawn {
    std::uint64_t revision = ~std::uint64_t{0};
    ScreenUiState state;
    bool speaking = false;
};

}  // namespace

bool apply_action(Session& session, const UiAction& action) {
    switch (action.kind) {
        case UiActionKind::Option: return session.tap_option(action.value);
        case UiActionKind::Back: return session.back();
        case UiActionKind::Next: return session.next();
        case UiActionKind::Listen: return session.listen();
        case UiActionKind::Help: return session.help();
        case UiActionKind::StillHere: return session.still_here();
        case UiActionKind::Type: return session.type_text(action.value);
        case UiActionKind::Erase: return session.erase();
        case UiActionKind::OpenStaff: return session.open_staff();
        case UiActionKind::CloseHelp:
        case UiActionKind::ZoomPage:
        case UiActionKind::KeyboardLayer:
        case UiActionKind::KeyboardPage:
        case UiActionKind::ReviewUp:
        case UiActionKind::ReviewDown: return false;  // the app's own panels and keys, not the session's
    }
    return false;
}

void run_refusal_screen(PlatformWindow& window, UiContext& ui, TraceLog& trace, const Refusal& refusal) {
    bool traced = false;
    int frames = 3;
    for (;;) {
        const unsigned long before = window.events();
        window.wait(frames > 0 ? 0.0 : 5.0);
        if (window.events() != before) frames = 3;
        if (window.take_close_request()) return;
        window.take_keys();  // nothing to type into here
        ui.actions.clear();
        ui.targets.clear();
        window.begin_frame();
        ui.metrics.screen_w = ImGui::GetIO().DisplaySize.x;
        ui.metrics.screen_h = ImGui::GetIO().DisplaySize.y;
        draw_refused(ui, refusal);
        window.end_frame();
        if (!traced && trace.on()) {
            trace.line("screen refused 1");
            char buf[128];
            for (const TapTarget& t : ui.targets) {
                std::snprintf(buf, sizeof buf, " %.0f %.0f %.0f %.0f", t.min.x, t.min.y, t.max.x - t.min.x, t.max.y - t.min.y);
                trace.line("target " + t.name + buf);
            }
            trace.line("end");
            traced = true;
        }
        if (!ui.actions.empty()) return;
        if (frames > 0) --frames;
    }
}

int run_kiosk_loop(KioskLoop& loop) {
    int frames_left = kFramesAfterInput;
    bool first_frame = true;
    ScreenUiState state;  // Help, zoom, keyboard layer, Review's page
    Drawn drawn;
    TapGuard guard;
    std::vector<TapTarget> last_targets;
    std::vector<UiAction> direct;
    while (!loop.session.quit_requested()) {
        const unsigned long events_before = loop.window.events();
        loop.window.wait(seconds_to_sleep(loop, frames_left));
        if (loop.window.events() != events_before) frames_left = std::max(frames_left, kFramesAfterInput);
        loop.session.tick();
        if (loop.window.take_close_request()) loop.session.open_staff();  // only staff may close it
        pump_speech(loop);
        const SessionView& view = loop.session.view();
        // A change with no input (a countdown's second, speech starting or
        // ending) needs one frame: nothing is pressed, nothing to settle.
        if (view.revision != drawn.revision || loop.speech.speaking() != drawn.speaking)
            frames_left = std::max(frames_left, 1);
        // A script moves on every frame; a held finger (the staff gesture) and
        // the Welcome animation need frames while nothing else happens.
        if (loop.script || ImGui::GetIO().MouseDown[0] || view.animate || loop.window.input_pending())
            frames_left = std::max(frames_left, 1);
        if (frames_left <= 0) continue;
        state.reset_for(view);

        PointerOverride pointer;
        direct.clear();
        if (loop.script) {
            const Millis gap = std::max(loop.session.settings().cooldown_ms, loop.session.settings().settle_ms);
            pointer = loop.script->before_frame(loop.session, loop.clock, gap, last_targets,
                                                drawn.revision == view.revision && drawn.state.same_sight(state), direct);
            if (loop.script->failed()) {
                loop.trace.line("script-failed " + loop.script->failure());
                std::fprintf(stderr, "easyread-kiosk: %s\n", loop.script->failure().c_str());
                return 3;
            }
            if (loop.script->done() && !pointer.active && direct.empty() && drawn.revision == view.revision) {
                loop.trace.line("script-done");
                return 0;
            }
        }
        loop.ui.actions.clear();
        loop.ui.targets.clear();
        loop.ui.shown.clear();
        loop.ui.speaking = loop.speech.speaking();
        loop.speech.set_volume(view.muted ? 0 : view.volume);
        if (is_staff_screen(view.screen)) loop.ui.speech_status = loop.speech.status();
        state.show_in(loop.ui);
        loop.ui.time_s = glfwGetTime();
        loop.window.begin_frame(pointer);
        guard.frame_begun(view.shown, state, ImGui::GetFrameCount(), ImGui::IsMouseClicked(ImGuiMouseButton_Left),
                          loop.clock.now_ms());
        read_hardware_keys(ImGui::GetIO(), loop.window.take_keys(), view, direct);
        // Sizes in millimetres stay; the screen's size follows the window (a turned screen).
        loop.ui.metrics.screen_w = ImGui::GetIO().DisplaySize.x;
        loop.ui.metrics.screen_h = ImGui::GetIO().DisplaySize.y;
        draw_screen(loop.ui, view);
        loop.window.end_frame();
        if (first_frame) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - loop.started);
            loop.trace.line("ready " + std::to_string(ms.count()));
            first_frame = false;
            // The font atlas is on the GPU now; its CPU copy (megabytes at kiosk sizes) can go.
            ImGui::GetIO().Fonts->ClearTexData();
            loop.speech.start(loop.speech_lang);
        }
        if (view.revision != drawn.revision || state != drawn.state)
            trace_screen(loop.trace, view, state.help ? "help" : state.page_zoom ? "page-zoom" : nullptr, loop.ui,
                         guard.sights());
        drawn = Drawn{view.revision, state, loop.ui.speaking};
        last_targets = loop.ui.targets;
        --frames_left;

        bool acted = false;
        for (const UiAction& a : direct) acted |= apply_action(loop.session, a);
        const Millis settle_ms = loop.session.settings().settle_ms;
        for (const UiAction& tapped : loop.ui.actions) {
            const UiAction a = state.route(tapped, loop.session.view(), loop.ui.review_pages);
            if (const char* why = guard.refuse(a, loop.clock.now_ms(), settle_ms)) {
                // The finger went down on what was there before, or this is
                // the second tap of a double tap: not a choice made here.
                loop.trace.line(std::string("ignored ") + why + " " +
                                (a.value.empty() ? std::to_string(static_cast<int>(a.kind)) : a.value));
                continue;
            }
            const bool taken = apply_action(loop.session, a);
            acted |= state.apply(a, taken, loop.session.view(), loop.ui.review_pages) || taken;
        }
        if (acted || pointer.active) frames_left = std::max(frames_left, kFramesAfterInput);
        pump_speech(loop);
    }
    loop.speech.stop();
    return 0;
}

}  // namespace easyread::kiosk::ui
