// One place that turns a text item into a Pango layout, so measuring and
// drawing always agree.
#pragma once
#include <pango/pangocairo.h>

#include "generator/layout/pages.hpp"

namespace easyread {

// A context that lays out in points (72 dpi) with unhinted metrics, so the
// same text breaks the same way in the PDF, the PNG and at any zoom.
void configure_context(PangoContext* ctx);

// A context for measuring before anything is drawn. Caller unrefs it.
PangoContext* new_measure_context();

// Caller unrefs the layout.
PangoLayout* make_text_layout(PangoContext* ctx, const std::string& markup, const TextStyle& style,
                              double width);

// Height in points of the laid-out text.
double layout_height(PangoLayout* layout);

// Escapes text for Pango markup.
std::string markup_escape(const std::string& text);

}  // namespace easyread
