// Reads a survey file (front matter + "##" questions) with the shared parser front.
//
//   ---
//   id: board-event            (letters, digits and '-')
//   version: 2                 (whole number; change it whenever the questions change)
//   title: Tell us about today
//   lang: en-GB
//   document: leaflet.md       (optional: the document each=page questions show)
//   review: yes                (optional: a co-production review of the document, see Survey::review)
//   ---
//   ## Did you like the meeting today? {#meeting picture=meeting}
//   Words under a heading are extra help, read aloud by Help.
//   ## What should the board talk about next? {#topics type=choose-many picture=question}
//   - Homes {#homes picture=house}
//
// Question attributes: #id (else a slug of the words), type= (faces3 default),
// picture= (else the matcher chooses), reversed=yes, each=page.
// Option attributes: #id (else a slug), picture=, negative=yes.
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.hpp"
#include "base/source_text.hpp"
#include "survey/survey.hpp"

namespace easyread::symbols {
class Bank;
class Matcher;
}  // namespace easyread::symbols

namespace easyread::survey {

struct SurveyParseOptions {
    // Chooses pictures for questions and options that name none; may be null.
    const symbols::Matcher* matcher = nullptr;
    // When given, a picture= naming no picture in the bank is a warning.
    const symbols::Bank* bank = nullptr;
};

// Returns the survey, or nothing when any error was found. Every problem is
// added to `diags` as "file:line:col: error[id]: message. hint".
std::optional<Survey> parse_survey(const SourceText& src, Diagnostics& diags,
                                   const SurveyParseOptions& options = {});

// load_source() + parse_survey().
std::optional<Survey> load_survey(const std::string& path, Diagnostics& diags,
                                  const SurveyParseOptions& options = {});

}  // namespace easyread::survey
