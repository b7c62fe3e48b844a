// The frame every screen shares: Back top left, Listen top right, Help
// bottom right, the progress strip of pictures top middle, Next bottom
// middle. They never move, so a person learns them once.
#pragma once
#include <cfloat>
#include <string>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/app/widgets.hpp"

namespace easyread::kiosk::ui {

struct ScreenFrame {
    Rect back, listen, help, next, progress, content;
    Rect staff_corner;  // the hidden staff hold: bottom-left corner, nothing else there
    float next_leftmost = 0;  // Next grows left for long words up to here, clear of the staff corner
};

ScreenFrame frame_layout(const Metrics& m);

// Empty when every screen fits with 20 mm targets and 3 mm gaps; else plain
// words for the person starting the kiosk: the screen's size in pixels and
// millimetres, the least it needs, and what to do.
std::string screen_too_small(const Metrics& m);

// Draws the fixed controls and the progress strip. Holding the bottom-left
// corner for 3 seconds asks for the staff PIN (the hidden staff gesture).
void draw_frame(UiContext& ui, const SessionView& view, const ScreenFrame& f);

// Lays out `count` equal answer buttons in `area`: one row when they fit at
// 20 mm or more, else two or three rows; each as large as the space allows
// up to `max_side`, with at least the 3 mm gap (more when there is room).
std::vector<Rect> choice_grid(const Metrics& m, const Rect& area, int count, float max_side);
// The least height `count` 20 mm answer buttons need on `width`.
float choice_grid_min_height(const Metrics& m, float width, int count);

// One button per choice, named "option:<id>"; a tap becomes an Option action.
void draw_choices(UiContext& ui, const std::vector<Choice>& choices, const std::vector<Rect>& rects);

// The title (and picture) band at the top of the content area; returns its
// height, at most `max_h` (then in body-size words, cut if they still do not fit).
float draw_title(UiContext& ui, const Rect& area, const std::string& title, const std::string& picture,
                 float max_h = FLT_MAX);

}  // namespace easyread::kiosk::ui
