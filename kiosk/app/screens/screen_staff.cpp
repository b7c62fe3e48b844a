// Staff screens: the PIN pad (first run: choose a PIN) and the staff menu
// with the event name, today's counts, test speech, export and close.
#include <algorithm>
#include <cmath>

#include "kiosk/core/survey_names.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_staff_pin(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = to_imgui(kiosk_theme().text);
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, view.picture) + m.mm(2);
    const std::string& note = !view.staff.message.empty() ? view.staff.message : view.body;
    if (!note.empty())
        y += centred_text(dl, ui.fonts.body, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, f.content.max.y)}, note, ink,
                          false) + m.mm(2);
    // A phone-style pad: 1 2 3 / 4 5 6 / 7 8 9 / delete 0; on a screen too
    // short for four rows (a tablet on its side), the box beside two rows:
    // 1 2 3 4 5 / 6 7 8 9 0 delete.
    const float rows_h = f.content.max.y - y;
    const float box_h = ui.fonts.heading->FontSize * 1.5f;
    const bool wide = rows_h < box_h + m.mm(3) + 4 * m.target + 3 * m.gap - 0.5f;
    const int cols = wide ? 6 : 3;
    const float key = wide ? std::max(m.target, std::min(m.mm(24), (rows_h - m.gap) / 2.0f))
                           : std::max(m.target, std::min(m.mm(24), (rows_h - box_h - m.mm(3) - 3 * m.gap) / 4.0f));
    const float pad_w = key * static_cast<float>(cols) + m.gap * static_cast<float>(cols - 1);
    const float box_w = wide ? std::min(m.mm(70), f.content.w() - pad_w - m.mm(6)) : pad_w;
    const float x0 = f.content.centre().x - (pad_w + (wide ? box_w + m.mm(6) : 0.0f)) * 0.5f + (wide ? box_w + m.mm(6) : 0.0f);
    if (wide) {
        draw_text_box(ui, Rect{ImVec2(x0 - m.mm(6) - box_w, y + key + m.gap * 0.5f - box_h * 0.5f),
                               ImVec2(x0 - m.mm(6), y + key + m.gap * 0.5f + box_h * 0.5f)},
                      view.text, view.text_masked);
    } else {
        draw_text_box(ui, Rect{ImVec2(x0, y), ImVec2(x0 + pad_w, y + box_h)}, view.text, view.text_masked);
        y += box_h + m.mm(3);
    }
    // Keys in reading order; the last place of the pad is Delete (left of 0 on the phone-style pad).
    const char* keys = wide ? "1234567890" : "123456789";
    const bool waiting = view.staff.pin_wait_seconds > 0;
    auto at = [&](int i) {
        const float x = x0 + static_cast<float>(i % cols) * (key + m.gap);
        const float ky = y + static_cast<float>(i / cols) * (key + m.gap);
        return Rect{ImVec2(x, ky), ImVec2(x + key, ky + key)};
    };
    for (int i = 0; keys[i]; ++i) {
        std::string digit(1, keys[i]);
        ButtonLook look{digit, {}};
        look.font = ui.fonts.heading;
        look.enabled = !waiting;
        std::string name = "key:" + digit;
        if (kiosk_button(ui, name.c_str(), at(i), look)) ui.act(UiActionKind::Type, digit);
    }
    ButtonLook erase{"", {}, Icon::Erase};
    erase.enabled = !view.text.empty();
    if (kiosk_button(ui, "erase", at(wide ? 10 : 9), erase)) ui.act(UiActionKind::Erase);
    if (wide) return;
    ButtonLook zero{"0", {}};
    zero.font = ui.fonts.heading;
    zero.enabled = !waiting;
    if (kiosk_button(ui, "key:0", at(10), zero)) ui.act(UiActionKind::Type, "0");
}

namespace {

// The survey file's warnings for staff: the first three, then how many more.
std::string survey_warning_lines(const std::string& warnings) {
    std::string out = "The survey file has warnings:";
    std::size_t start = 0;
    int shown = 0, more = 0;
    while (start < warnings.size()) {
        std::size_t end = warnings.find('\n', start);
        if (end == std::string::npos) end = warnings.size();
        if (end > start && shown < 3) {
            ++shown;
            out += "\n" + warnings.substr(start, end - start);
        } else if (end > start) {
            ++more;
        }
        start = end + 1;
    }
    if (more > 0) out += "\n... and " + std::to_string(more) + " more, printed when the kiosk starts.";
    return out;
}

}  // namespace

void draw_staff_menu(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = kiosk_theme();
    const ImU32 ink = to_imgui(th.text);
    float y = f.content.min.y;
    const StaffView& s = view.staff;
    // Facts for staff, in plain words, left column.
    const KioskWords& w = kiosk_words();
    std::string facts = "Event: " + (s.event.empty() ? std::string("(no name yet)") : s.event) + "\n" +
                        "Answers today: " + std::to_string(s.today.total);
    for (const auto& [who, count] : s.today.by_respondent) {
        std::string group = who;  // an id from an older survey stays as it is
        for (const FixedChoice& g : w.staff_groups)
            if (g.id == who) group = g.label;
        facts += "\n    " + group + ": " + std::to_string(count);
    }
    if (s.today.unfinished > 0) facts += "\n" + std::string(w.staff_part_answers) + std::to_string(s.today.unfinished);
    if (s.today.no_answers > 0) facts += "\n" + std::string(w.staff_no_answers) + std::to_string(s.today.no_answers);
    if (s.today.in_recovery > 0)
        facts += "\nWaiting in the recovery file: " + std::to_string(s.today.in_recovery);
    if (s.unsaved > 0) facts += "\n" + std::string(w.staff_unsaved) + std::to_string(s.unsaved);
    if (!s.pin_not_saved.empty()) facts += "\n" + s.pin_not_saved;
    if (!s.part_way.empty()) facts += "\n" + s.part_way;
    if (!s.store_ok || !s.store_words.empty()) facts += "\n" + s.store_words;
    if (!ui.speech_status.empty()) facts += "\nSpeech: " + ui.speech_status;
    facts += "\nScreen: " + std::to_string(static_cast<int>(m.screen_w)) + " x " +
             std::to_string(static_cast<int>(m.screen_h)) + " pixels at " +
             std::to_string(static_cast<int>(std::lround(m.px_per_mm * 25.4f))) + " dpi" +
             (ui.dpi_source.empty() ? std::string() : " (" + ui.dpi_source + ")");
    if (!ui.survey_warnings.empty()) facts += "\n" + survey_warning_lines(ui.survey_warnings);
    if (!s.message.empty()) facts += "\n" + s.message;
    const float facts_w = f.content.w() * 0.42f;
    if (!s.store_ok || s.unsaved > 0)
        dl->AddRectFilled(ImVec2(f.content.min.x, y), ImVec2(f.content.min.x + facts_w, f.content.max.y), to_imgui(th.warning_fill),
                          m.mm(2));
    left_text(dl, ui.fonts.body, ImVec2(f.content.min.x + m.mm(2), y + m.mm(2)), facts_w - m.mm(4), facts, ink);
    Rect actions{ImVec2(f.content.min.x + facts_w + m.mm(6), y), f.content.max};
    std::vector<Rect> rects = choice_grid(m, actions, static_cast<int>(view.choices.size()), m.mm(45));
    draw_choices(ui, view.choices, rects);
}

}  // namespace easyread::kiosk::ui
