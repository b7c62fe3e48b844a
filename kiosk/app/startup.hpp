// Everything the kiosk checks before a window opens: the picture bank, the
// survey (a malformed one is refused with file:line and the fix), the
// answers database and its settings.
#pragma once
#include <memory>
#include <string>

#include "kiosk/app/command_line.hpp"
#include "kiosk/app/document_pages.hpp"
#include "kiosk/core/settings.hpp"
#include "kiosk/core/survey_names.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

namespace easyread::kiosk::ui {

struct KioskData {
    symbols::Bank bank;
    std::unique_ptr<symbols::Matcher> matcher;
    Survey survey;
    std::unique_ptr<Store> store;
    KioskSettings settings;
    DocumentPages document;  // laid out only when the survey has {each=page} questions
    std::vector<ReviewChunk> review_chunks;  // a review survey: the document's chunks, page by page
    // The survey's warnings, "file:line:col: warning[id]: ...", one a line: staff see them on the staff menu.
    std::string survey_warnings;
};

// False when the kiosk must not start; `report` then holds every problem,
// one per line, ready for stderr. Warnings go to `report` too.
bool prepare_kiosk(const KioskOptions& options, KioskData& data, std::string& report);

}  // namespace easyread::kiosk::ui
