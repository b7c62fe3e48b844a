#include "kiosk/app/kiosk_loop.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#include "kiosk/app/screens/screens.hpp"

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

// What a person sees: the session's screen and the app's own panels over it.
struct ShownKey {
    std::uint64_t screen = ~std::uint64_t{0};
    bool help = false;
    int zoom = 0;
    int review_page = 0;
    bool operator==(const ShownKey& o) const {
        return screen == o.screen && help == o.help && zoom == o.zoom && review_page == o.review_page;
    }
};

// Keys type as fast as they are pressed (the session guards journey keys);
// the staff hold is long by nature.
bool waits_for_settle(UiActionKind kind) {
    return kind != UiActionKind::Type && kind != UiActionKind::Erase && kind != UiActionKind::KeyboardLayer &&
           kind != UiActionKind::OpenStaff;
}

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
        case UiActionKind::ReviewUp:
        case UiActionKind::ReviewDown: return false;  // the app's own panels and keys, not the session's
    }
    return false;
}

void run_refusal_screen(PlatformWindow& window, UiContext& ui, TraceLog& trace, const std::string& report) {
    bool traced = false;
    int frames = 3;
    for (;;) {
        const unsigned long before = window.events();
        window.wait(frames > 0 ? 0.0 : 5.0);
        if (window.events() != before) frames = 3;
        if (window.take_close_request()) return;
        ui.actions.clear();
        ui.targets.clear();
        window.begin_frame();
        ui.metrics.screen_w = ImGui::GetIO().DisplaySize.x;
        ui.metrics.screen_h = ImGui::GetIO().DisplaySize.y;
        draw_refused(ui, report);
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
    std::uint64_t drawn_revision = ~std::uint64_t{0};
    bool drawn_speaking = false;
    bool drawn_help = false;
    int drawn_zoom = 0;
    std::vector<TapTarget> last_targets;
    std::vector<UiAction> direct;
    // The UI state the session does not hold: Help's panel and a page's zoom
    // belong to the view they were asked on, and end when the view changes.
    std::uint64_t help_revision = ~std::uint64_t{0};
    std::uint64_t zoom_revision = ~std::uint64_t{0};
    int zoom_step = 0;
    // The keyboard's layer (capitals for one letter, as on a phone, or digits
    // until switched back) lasts while the same screen is showing.
    int keyboard_layer = 0;
    std::string keyboard_screen;
    int drawn_layer = 0;
    // Review's page, kept while Review shows.
    int review_page = 0;
    int drawn_review_page = 0;
    // Double taps: a tap counts only if its press began after what it lands
    // on was drawn, and once that has shown for the settle time.
    ShownKey shown_key;
    ShownKey drawn_key;
    std::uint64_t shown_serial = 0;
    int shown_frame = -1;
    Millis shown_at = 0;
    int press_frame = -1;
    while (!loop.session.quit_requested()) {
        const unsigned long events_before = loop.window.events();
        loop.window.wait(seconds_to_sleep(loop, frames_left));
        if (loop.window.events() != events_before) frames_left = std::max(frames_left, kFramesAfterInput);
        loop.session.tick();
        if (loop.window.take_close_request()) loop.session.open_staff();  // only staff may close it
        pump_speech(loop);
        const SessionView& view = loop.session.view();
        if (view.revision != drawn_revision || loop.speech.speaking() != drawn_speaking)
            frames_left = std::max(frames_left, 2);
        // A script moves on every frame; a held finger (the staff gesture) and
        // the Welcome animation need frames while nothing else happens.
        if (loop.script || ImGui::GetIO().MouseDown[0] || view.animate || loop.window.input_pending())
            frames_left = std::max(frames_left, 1);
        if (frames_left <= 0) continue;

        loop.ui.show_help = help_revision == view.revision;
        loop.ui.page_zoom = zoom_revision == view.revision ? zoom_step : 0;
        const std::string screen_key = std::to_string(static_cast<int>(view.screen)) + " " +
                                       std::to_string(view.question_number) + " " + view.title;
        if (screen_key != keyboard_screen) {
            keyboard_layer = 0;
            review_page = 0;
            keyboard_screen = screen_key;
        }
        const ShownKey key{view.shown, loop.ui.show_help, loop.ui.page_zoom, review_page};

        PointerOverride pointer;
        direct.clear();
        if (loop.script) {
            const Millis gap = std::max(loop.session.settings().cooldown_ms, loop.session.settings().settle_ms);
            pointer = loop.script->before_frame(loop.session, loop.clock, gap, last_targets,
                                                drawn_revision == view.revision && drawn_key == key, direct);
            if (loop.script->failed()) {
                loop.trace.line("script-failed " + loop.script->failure());
                std::fprintf(stderr, "easyread-kiosk: %s\n", loop.script->failure().c_str());
                return 3;
            }
            if (loop.script->done() && !pointer.active && direct.empty() && drawn_revision == view.revision) {
                loop.trace.line("script-done");
                return 0;
            }
        }
        loop.ui.actions.clear();
        loop.ui.targets.clear();
        loop.ui.speaking = loop.speech.speaking();
        loop.speech.set_volume(view.muted ? 0 : view.volume);
        if (is_staff_screen(view.screen)) loop.ui.speech_status = loop.speech.status();
        loop.ui.keyboard_layer = keyboard_layer;
        loop.ui.review_page = review_page;
        loop.ui.shown.clear();
        loop.ui.time_s = glfwGetTime();
        const std::uint64_t revision = view.revision;
        loop.window.begin_frame(pointer);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) press_frame = ImGui::GetFrameCount();
        if (!(key == shown_key)) {
            shown_key = key;
            shown_frame = ImGui::GetFrameCount();  // a press seen in this frame began before it was drawn
            shown_at = loop.clock.now_ms();
            ++shown_serial;
        }
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
        if (revision != drawn_revision || loop.ui.show_help != drawn_help || loop.ui.page_zoom != drawn_zoom ||
            loop.ui.keyboard_layer != drawn_layer || loop.ui.review_page != drawn_review_page)
            trace_screen(loop.trace, view, loop.ui.show_help ? "help" : loop.ui.page_zoom ? "page-zoom" : nullptr,
                         loop.ui, shown_serial);
        drawn_review_page = loop.ui.review_page;
        drawn_key = key;
        drawn_revision = revision;
        drawn_help = loop.ui.show_help;
        drawn_zoom = loop.ui.page_zoom;
        drawn_layer = loop.ui.keyboard_layer;
        drawn_speaking = loop.ui.speaking;
        last_targets = loop.ui.targets;
        --frames_left;
        bool acted = false;
        for (const UiAction& a : direct) acted |= apply_action(loop.session, a);
        const bool pressed_before_shown = press_frame <= shown_frame;
        const bool settling = loop.clock.now_ms() - shown_at < loop.session.settings().settle_ms;
        for (const UiAction& a : loop.ui.actions) {
            if (pressed_before_shown || (settling && waits_for_settle(a.kind))) {
                // The finger went down on what was there before, or this is
                // the second tap of a double tap: not a choice made here.
                loop.trace.line(std::string("ignored ") + (pressed_before_shown ? "press-before-shown " : "settling ") +
                                (a.value.empty() ? std::to_string(static_cast<int>(a.kind)) : a.value));
                if (settling) shown_at = loop.clock.now_ms();  // a burst of taps is one: wait until it ends
                continue;
            }
            if (a.kind == UiActionKind::ZoomPage) {
                zoom_step = zoom_revision == revision ? (zoom_step + 1) % 3 : 1;
                zoom_revision = revision;
                acted = true;
            }
            if (a.kind == UiActionKind::CloseHelp) {
                help_revision = ~std::uint64_t{0};
                acted = true;
            }
            if (a.kind == UiActionKind::KeyboardLayer) {
                keyboard_layer = (keyboard_layer + 1) % 3;
                acted = true;
            }
            if (a.kind == UiActionKind::ReviewUp || a.kind == UiActionKind::ReviewDown) {
                review_page = std::clamp(review_page + (a.kind == UiActionKind::ReviewDown ? 1 : -1), 0,
                                         std::max(0, loop.ui.review_pages - 1));
                acted = true;
            }
            const bool applied = apply_action(loop.session, a);
            if (applied && a.kind == UiActionKind::Type && keyboard_layer == 1) keyboard_layer = 0;  // one capital
            acted |= applied;
            if (a.kind == UiActionKind::Help) {
                help_revision = loop.session.view().revision;
                acted = true;
            }
        }
        if (acted || pointer.active) frames_left = std::max(frames_left, kFramesAfterInput);
        pump_speech(loop);
    }
    loop.speech.stop();
    return 0;
}

}  // namespace easyread::kiosk::ui
