// The survey model: what a kiosk asks, parsed from templates/surveys/*.md.
//
// Stored answer values (the report, paper-form and import tools read these too):
//   faces3       happy | middle | sad | dont-know                      (the default type)
//   faces5       very-happy | happy | middle | sad | very-sad | dont-know
//   yes-no       yes | no | not-sure | dont-know
//   choose-one   one option id
//   choose-many  option ids in survey order, joined by ';'  ("homes;jobs")
//   comment      the words typed, as UTF-8
#pragma once
#include <string>
#include <vector>

namespace easyread::survey {

enum class QuestionType { Faces3, Faces5, YesNo, ChooseOne, ChooseMany, Comment };

// "faces3", "yes-no", ... as written in a survey file.
const char* question_type_name(QuestionType t);
// False when `name` is not a type a survey may use.
bool question_type_from_name(const std::string& name, QuestionType& out);

struct Option {
    std::string id;       // the stored answer value
    std::string label;    // words shown under the picture and spoken
    std::string picture;  // picture bank id (empty only when nothing matched)
    bool negative = false;  // "You chose sad. Is that right?" is asked for these
    int line = 0;           // 1-based line in the survey file; 0 for built-in options
};

struct Question {
    std::string id;
    std::string text;     // the question, as written after "##"
    std::string help;     // paragraphs under the heading: extra words for Help and Listen
    std::string picture;  // picture bank id
    bool picture_guessed = false;  // true when the matcher chose it (no picture= given)
    QuestionType type = QuestionType::Faces3;
    // Every answer the screen offers, built-in ones included (faces, yes/no,
    // "I don't know"); empty only for comment questions.
    std::vector<Option> options;
    bool reversed = false;  // {reversed=yes}: agreeing is the bad answer (flips `negative`)
    bool each_page = false;  // {each=page}: asked once per page of the survey's document
    int page = 0;            // after expand_document_pages: the 1-based page shown; else 0
    std::string page_words;  // the shown page's own words, read aloud before the question
    int line = 0;            // 1-based line of the "##" heading

    bool is_comment() const { return type == QuestionType::Comment; }
    bool is_multi() const { return type == QuestionType::ChooseMany; }
    const Option* find_option(const std::string& option_id) const;
    // True when `value` may be stored for this question (import checks rows with it).
    bool allows_value(const std::string& value) const;
};

struct Survey {
    std::string path;    // file it came from
    std::string id;      // front matter "id"
    int version = 0;     // front matter "version" (a whole number, 1 or more)
    std::string title;   // front matter "title"
    std::string lang = "en-GB";
    std::string document;  // front matter "document": file whose pages {each=page} questions show
    // Front matter "review: yes": a co-production review of `document`. The
    // kiosk shows each page chunk by chunk before its page questions and stores
    // what was marked as "chunk-<page>-<key>" answers (see kReviewChunkPrefix).
    bool review = false;
    std::string document_label;  // set by expand_document_pages; stored with every answer
    std::string hash;      // survey_text_hash() of the file: line endings and trailing blank lines do not count
                           // (see Store::check_survey)
    std::string source;    // the file text, kept in the database so reports need no file
    int version_line = 0;  // where "version:" is, for "change the version" hints
    std::vector<Question> questions;

    const Question* find(const std::string& question_id) const;
    int index_of(const std::string& question_id) const;  // -1 when absent
    bool has_page_questions() const;
};

// Question id the kiosk's own "Anything else?" screen stores its words under;
// a survey may not use it for a question.
constexpr const char* kAnythingElseId = "anything-else";
// A review stores what a reviewer marked in a chunk under "chunk-<page>-<key>":
// "word:<word>" and "picture:<name>" items joined by ';' in the order tapped,
// or "seen" when they marked nothing. No question id of a review may start so.
constexpr const char* kReviewChunkPrefix = "chunk-";
constexpr const char* kReviewSeen = "seen";

// The text of a review survey (`easyread review make`): id "review-<id>",
// version 1, `document` as written in its front matter (relative to the
// survey file), review: yes, and the questions asked on every page. Its
// title names the document by `title` (its own title), else by file name.
std::string review_survey_text(const std::string& id, const std::string& document, const std::string& title = "");

// The built-in answers of a fixed-scale type (empty for choice and comment types).
std::vector<Option> builtin_options(QuestionType t);

// Replaces every {each=page} question with one question per page: ids
// "<id>-<n>", page = n. `document_label` names the pages shown (for example
// "leaflet.pdf 3f9a0c12", a file name and content_hash() prefix); it is
// stored with every response, so a new document needs no new survey version.
// Returns false (and changes nothing) when page_count < 1.
bool expand_document_pages(Survey& survey, int page_count, const std::string& document_label);

// Hex BLAKE2b-256 of some bytes (survey and document fingerprints).
std::string content_hash(const std::string& bytes);
// "stocktake.md 3f9a0c12": the document's file name (folders dropped) and
// the start of its text's content_hash(); the kiosk stores it with every
// answer and the report finds the same document by it.
std::string document_label(const std::string& path, const std::string& text);
// content_hash() of the text with CRLF and CR line ends made LF and blank
// lines (and spaces) at the end dropped, ending in one newline: a survey saved
// on Windows, or with an extra empty line, is the same survey. A file that
// already has LF ends and one final newline hashes as content_hash() did.
std::string survey_text_hash(const std::string& text);

}  // namespace easyread::survey
