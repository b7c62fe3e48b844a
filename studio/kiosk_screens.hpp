// Each kiosk screen of a survey as the kiosk will show it: the kiosk's own
// journey (kiosk/core's Session, no window) walked from Welcome to Thank
// you on a clock that moves only when told, answering each question with
// its first answer, and every screen's view kept as JSON for the studio's
// page to draw: the same words, pictures and buttons, in the same order.
#pragma once
#include <string>

#include "survey/survey.hpp"

namespace easyread::studio {

// {"screens":[{"screen":"welcome","title":...,"choices":[...]}, ...]}
std::string kiosk_screens_json(const survey::Survey& survey);

}  // namespace easyread::studio
