#include "survey/survey_parser.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "generator/parse/attributes.hpp"
#include "generator/parse/markdown_front.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

namespace easyread::survey {

namespace {

const char* const kTypesHint = "Use one of: faces3, faces5, yes-no, choose-one, choose-many, comment.";
const std::set<std::string> kFrontKeys = {"id", "version", "title", "lang", "document", "description", "review"};
const std::set<std::string> kQuestionKeys = {"type", "picture", "reversed", "each"};
const std::set<std::string> kOptionKeys = {"picture", "negative"};

bool is_id_text(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

// The type meant by a misspelt one: the same letters without signs
// ("yesno", "Choose_Many"), else the one sharing the most letters at its start
// and end, when all but two letters are shared ("chose-many", "faces").
// Empty when none is near.
std::string nearest_type(const std::string& typed) {
    auto letters = [](const std::string& s) {
        std::string out;
        for (unsigned char c : s)
            if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        return out;
    };
    const std::string t = letters(typed);
    std::string best;
    std::size_t best_shared = 0;
    for (QuestionType qt : {QuestionType::Faces3, QuestionType::Faces5, QuestionType::YesNo, QuestionType::ChooseOne,
                            QuestionType::ChooseMany, QuestionType::Comment}) {
        const std::string name = question_type_name(qt);
        const std::string n = letters(name);
        if (n == t) return name;
        std::size_t start = 0, end = 0;
        const std::size_t shorter = std::min(n.size(), t.size());
        while (start < shorter && n[start] == t[start]) ++start;
        while (end < shorter - start && n[n.size() - 1 - end] == t[t.size() - 1 - end]) ++end;
        const std::size_t shared = start + end;
        if (shared + 2 >= std::max(n.size(), t.size()) && shared > best_shared) best_shared = shared, best = name;
    }
    return best;
}

// A "{" or "}" left in the words: an attribute block that is not closed, or
// not at the end of the line. Its words would be shown and spoken as they are.
bool has_stray_brace(const std::string& words) { return words.find_first_of("{}") != std::string::npos; }

bool yes_no_value(const std::string& v, bool& out) {
    if (v == "yes" || v == "true") return out = true, true;
    if (v == "no" || v == "false") return out = false, true;
    return false;
}

// One parse, its state and its diagnostics; the public functions wrap it.
class SurveyReader {
public:
    SurveyReader(const SourceText& src, Diagnostics& diags, const SurveyParseOptions& options)
        : src_(src), diags_(diags), options_(options), errors_before_(diags.count(Severity::Error)) {}

    std::optional<Survey> run() {
        ParsedMarkdown md = parse_markdown(src_, diags_);
        offset_ = md.line_offset();
        survey_.path = src_.path;
        survey_.source = src_.text;
        survey_.hash = survey_text_hash(src_.text);
        read_front_matter(md.meta);
        for (cmark_node* n = cmark_node_first_child(md.root.get()); n; n = cmark_node_next(n)) read_block(n);
        finish_question();
        check_review();
        if (survey_.questions.empty())
            error(1 + offset_, 1, "survey-empty", "this survey has no questions",
                  "Add a question as a heading line: \"## Did you like the meeting today?\".");
        if (diags_.count(Severity::Error) > errors_before_) return std::nullopt;
        return std::move(survey_);
    }

private:
    int line_of(cmark_node* n) const { return cmark_node_get_start_line(n) + offset_; }
    int column_of(cmark_node* n) const { return cmark_node_get_start_column(n); }
    void error(int line, int col, const std::string& id, const std::string& msg, const std::string& hint) {
        diags_.error(src_.path, line, col, id, msg, hint);
    }
    void warning(int line, int col, const std::string& id, const std::string& msg, const std::string& hint) {
        diags_.warning(src_.path, line, col, id, msg, hint);
    }

    void read_front_matter(const FrontMatter& meta) {
        if (meta.values.empty()) {
            if (meta.body_line_offset == 0)
                error(1, 1, "survey-front-matter", "this survey has no front matter",
                      "Start the file with \"---\", then lines \"id: my-survey\", \"version: 1\", "
                      "\"title: Tell us about today\", then \"---\".");
            return;
        }
        auto line_for = [&](const std::string& key) {
            auto it = meta.lines.find(key);
            return it == meta.lines.end() ? 1 : it->second;
        };
        for (const auto& kv : meta.values)
            if (!kFrontKeys.count(kv.first))
                warning(line_for(kv.first), 1, "survey-front-matter",
                        "\"" + kv.first + "\" is not a survey setting and is ignored",
                        "Survey front matter knows id, version, title, lang, document and review.");
        survey_.id = meta.get("id");
        if (!is_id_text(survey_.id))
            error(line_for("id"), 1, "survey-id",
                  survey_.id.empty() ? "the front matter has no \"id\"" : "the id \"" + survey_.id + "\" has spaces or signs",
                  "Write \"id: board-event\": letters, numbers and '-' only. It names this survey in every answer.");
        std::string version = meta.get("version");
        survey_.version_line = line_for("version");
        bool digits = !version.empty() && version.size() < 9;
        for (unsigned char c : version)
            if (!std::isdigit(c)) digits = false;
        if (digits) survey_.version = std::stoi(version);
        if (!digits || survey_.version < 1)
            error(survey_.version_line, 1, "survey-version",
                  version.empty() ? "the front matter has no \"version\"" : "the version \"" + version + "\" is not a whole number",
                  "Write \"version: 1\", and make it one bigger whenever the questions change.");
        survey_.title = meta.get("title");
        if (survey_.title.empty())
            error(line_for("title"), 1, "survey-title", "the front matter has no \"title\"",
                  "Write \"title: Tell us about today\": staff and reports show it.");
        survey_.lang = meta.get("lang", "en-GB");
        if (survey_.lang != "en-GB")
            warning(line_for("lang"), 1, "survey-lang",
                    "the kiosk's own screens are in British English only, not \"" + survey_.lang + "\"",
                    "Write \"lang: en-GB\", or expect the Welcome and Review words in English.");
        survey_.document = meta.get("document");
        if (meta.values.count("review")) {
            review_line_ = line_for("review");
            if (!yes_no_value(meta.get("review"), survey_.review))
                error(review_line_, 1, "survey-review", "review: must be yes or no",
                      "Write \"review: yes\" for a review of the document (made by 'easyread review make').");
            if (survey_.review && survey_.document.empty())
                error(review_line_, 1, "review-document", "a review needs the document it asks about",
                      "Add \"document: FILE.md\" to the front matter: the easy read document, relative to this file.");
        }
    }

    // A review asks "Is this page easy to understand?" on every page, and its
    // chunk answers need ids no question has.
    void check_review() {
        if (!survey_.review) return;
        // The three faces only: a reviewer says how easy the page is.
        for (Question& q : survey_.questions)
            if (q.id == "page" && q.type == QuestionType::Faces3)
                q.options.erase(std::remove_if(q.options.begin(), q.options.end(),
                                               [](const Option& o) { return o.id == "dont-know"; }),
                                q.options.end());
        const Question* page = survey_.find("page");
        if (!page || !page->each_page || page->type != QuestionType::Faces3)
            error(page ? page->line : review_line_, 1, "review-page-question",
                  page ? "in a review, the question {#page} must be type=faces3 each=page"
                       : "a review needs the question asked on every page",
                  "Write \"## Is this page easy to understand? {#page type=faces3 each=page picture=document}\".");
        for (const Question& q : survey_.questions)
            if (q.id.rfind(kReviewChunkPrefix, 0) == 0)
                error(q.line, 1, "review-question-id",
                      "in a review, ids starting \"" + std::string(kReviewChunkPrefix) + "\" hold what people marked in the chunks",
                      "Give this question another id, for example {#" + q.id.substr(6) + "-question}.");
    }

    void read_block(cmark_node* n) {
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 2) {
            finish_question();
            start_question(n);
            return;
        }
        if (type == CMARK_NODE_HEADING) {
            warning(line_of(n), column_of(n), "survey-heading", "only \"##\" headings make questions; this one is ignored",
                    "Write each question as \"## Question words {#id}\".");
            return;
        }
        if (!current_) {
            warning(line_of(n), column_of(n), "survey-before-question",
                    "words before the first question are not shown by the kiosk",
                    "Move them under a \"##\" question to make them that question's help.");
            return;
        }
        if (type == CMARK_NODE_PARAGRAPH) {
            std::string words = node_plain_text(n);
            if (!current_->help.empty()) current_->help += ' ';
            current_->help += words;
            return;
        }
        if (type == CMARK_NODE_LIST) {
            for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) read_option(item);
            return;
        }
        warning(line_of(n), column_of(n), "survey-ignored", "this " + node_type_name(n) + " is not part of a question",
                "Under a question, write help as plain sentences and answers as a \"- \" list.");
    }

    void start_question(cmark_node* heading) {
        current_.emplace();
        Question& q = *current_;
        q.line = line_of(heading);
        std::string text = node_plain_text(heading);
        Attributes attrs = take_trailing_attributes(text);
        if (!attrs.error.empty())
            error(q.line, column_of(heading), "survey-attributes", "the {...} after this question is not right: " + attrs.error,
                  "Write it as {#id type=yes-no picture=house}.");
        q.text = text;
        if (has_stray_brace(q.text))
            error(q.line, column_of(heading), "survey-brace",
                  "this question's {...} is not closed or not at the end of the line, so the kiosk would show and say "
                  "\"" + q.text + "\"",
                  "End the line with the whole {...}, for example \"## Did you like it? {#meeting picture=meeting}\".");
        if (q.text.empty())
            error(q.line, column_of(heading), "question-empty", "this question has no words", "Write the question after \"##\".");
        q.id = attrs.id.empty() ? slugify(text) : attrs.id;
        if (q.id.empty() && !q.text.empty())
            error(q.line, column_of(heading), "question-id", "this question needs an id",
                  "Add one at the end of the line, for example {#meeting}.");
        for (const auto& kv : attrs.values)
            if (!kQuestionKeys.count(kv.first))
                warning(q.line, column_of(heading), "survey-attributes", "\"" + kv.first + "\" is not a question setting",
                        "A question knows #id, type, picture, reversed and each.");
        std::string type = attrs.get("type", "faces3");
        if (!question_type_from_name(type, q.type)) {
            const std::string near = nearest_type(type);
            error(q.line, column_of(heading), "question-type", "\"" + type + "\" is not a question type",
                  near.empty() ? kTypesHint : "Did you mean type=" + near + "? " + kTypesHint);
        }
        if (attrs.values.count("reversed") && !yes_no_value(attrs.get("reversed"), q.reversed))
            error(q.line, column_of(heading), "question-reversed", "reversed= must be yes or no",
                  "Write reversed=yes when agreeing is the bad answer (\"Did you feel left out?\").");
        if (attrs.values.count("each")) {
            if (attrs.get("each") != "page")
                error(q.line, column_of(heading), "question-each", "each= only knows \"page\"",
                      "Write each=page to ask this question once per page of the survey's document.");
            q.each_page = true;
        }
        q.picture = attrs.get("picture");
        check_or_guess_picture(q.picture, q.picture_guessed, q.text, q.line, column_of(heading));
    }

    void read_option(cmark_node* item) {
        Question& q = *current_;
        int line = line_of(item);
        cmark_node* para = cmark_node_first_child(item);
        if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
            warning(line, column_of(item), "option-empty", "this list item has no words and is ignored",
                    "Write an answer as \"- Homes {#homes picture=house}\".");
            return;
        }
        if (cmark_node_next(para))
            warning(line, column_of(item), "option-extra", "only the first line of an answer is used",
                    "Keep each answer to one short line.");
        Option o;
        o.line = line;
        std::string text = node_plain_text(para);
        Attributes attrs = take_trailing_attributes(text);
        if (!attrs.error.empty())
            error(line, column_of(item), "survey-attributes", "the {...} after this answer is not right: " + attrs.error,
                  "Write it as {#homes picture=house}.");
        o.label = text;
        if (has_stray_brace(o.label))
            error(line, column_of(item), "survey-brace",
                  "this answer's {...} is not closed or not at the end of the line, so the kiosk would show and say "
                  "\"" + o.label + "\"",
                  "End the line with the whole {...}, for example \"- Homes {#homes picture=house}\".");
        if (o.label.empty())
            error(line, column_of(item), "option-no-words", "this answer has no words, so its button would be blank",
                  "Write the answer's words before the {...}, for example \"- Homes {#homes}\".");
        o.id = attrs.id.empty() ? slugify(text) : attrs.id;
        if (o.id.empty())
            error(line, column_of(item), "option-id", "this answer needs an id",
                  "Add one at the end of the line, for example {#homes}.");
        for (const auto& kv : attrs.values)
            if (!kOptionKeys.count(kv.first))
                warning(line, column_of(item), "survey-attributes", "\"" + kv.first + "\" is not an answer setting",
                        "An answer knows #id, picture and negative.");
        if (attrs.values.count("negative") && !yes_no_value(attrs.get("negative"), o.negative))
            error(line, column_of(item), "option-negative", "negative= must be yes or no",
                  "Write negative=yes for an answer that should be checked with \"Is that right?\".");
        bool guessed = false;
        o.picture = attrs.get("picture");
        check_or_guess_picture(o.picture, guessed, o.label, line, column_of(item));
        q.options.push_back(std::move(o));
    }

    void check_or_guess_picture(std::string& picture, bool& guessed, const std::string& words, int line, int col) {
        if (!picture.empty()) {
            if (!options_.bank || options_.bank->find(picture)) return;
            // Never a button without its picture: the one the words choose stands in.
            const std::string unknown = picture;
            picture.clear();
            if (options_.matcher) {
                symbols::Match m = options_.matcher->best(words);
                if (m.picture) picture = m.picture->id, guessed = true;
            }
            const std::string near = nearest_pictures(unknown, words);
            warning(line, col, "picture-unknown",
                    "there is no picture \"" + unknown + "\" in the picture bank" +
                        (picture.empty() ? std::string(", so this shows no picture") : ", so \"" + picture + "\" is shown"),
                    (near.empty() ? std::string() : "Did you mean " + near + "? ") +
                        "See 'easyread pictures --list WORD' for the ids.");
            return;
        }
        if (!options_.matcher) return;
        symbols::Match m = options_.matcher->best(words);
        if (m.picture) {
            picture = m.picture->id;
            guessed = true;
        } else {
            warning(line, col, "picture-none", "no picture fits \"" + words + "\"",
                    "Name one with picture=, for example picture=question.");
        }
    }

    // Up to five picture ids near an unknown one, found as 'easyread pictures
    // --list' finds them (id, name or words containing a word): the whole id,
    // then each part of it ("house-blue": "house", "blue"), then shorter starts
    // of it ("huose": "huo"), then the pictures the question's words choose.
    std::string nearest_pictures(const std::string& unknown, const std::string& words) const {
        std::vector<std::string> ids;
        auto add = [&](const std::string& id) {
            if (ids.size() < 5 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        };
        auto search = [&](const std::string& word) {
            if (word.size() < 3) return;
            for (const symbols::Picture* p : options_.bank->search(word)) add(p->id);
        };
        search(unknown);
        std::size_t start = 0;
        while (ids.empty() && start < unknown.size()) {
            std::size_t dash = unknown.find_first_of("-_", start);
            search(unknown.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
            if (dash == std::string::npos) break;
            start = dash + 1;
        }
        for (std::size_t n = unknown.size(); ids.empty() && n >= 3; --n) search(unknown.substr(0, n));
        if (options_.matcher)
            for (const symbols::Match& m : options_.matcher->candidates(words, 3)) add(m.picture->id);
        std::string out;
        for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
        return out;
    }

    void finish_question() {
        if (!current_) return;
        Question q = std::move(*current_);
        current_.reset();
        bool choice = q.type == QuestionType::ChooseOne || q.type == QuestionType::ChooseMany;
        if (!choice && !q.options.empty()) {
            error(q.options.front().line, 1, "options-not-allowed",
                  std::string("a ") + question_type_name(q.type) + " question has its own answers, so this list cannot be used",
                  "Add type=choose-one or type=choose-many to the question's {...} to offer these answers.");
        }
        if (choice && q.options.empty()) {
            error(q.line, 1, "options-missing", "this choice question has no answers to choose from",
                  "Add a list under the heading, one answer a line: \"- Homes {#homes picture=house}\".");
        }
        if (choice && q.options.size() == 1)
            warning(q.options.front().line, 1, "options-one", "a choice question with one answer",
                    "Add the other answers, or use type=yes-no.");
        if (!choice) q.options = builtin_options(q.type);
        else if (!q.find_option("dont-know")) q.options.push_back(builtin_options(QuestionType::Faces3).back());
        if (q.reversed)
            for (auto& o : q.options)
                if (o.id != "dont-know" && o.id != "middle" && o.id != "not-sure") o.negative = !o.negative;
        check_ids(q);
        survey_.questions.push_back(q);
    }

    void check_ids(const Question& q) {
        if (q.id == kAnythingElseId)
            error(q.line, 1, "question-id-reserved", "the id \"anything-else\" belongs to the kiosk's last screen",
                  "Give this question another id, for example {#other-comments}.");
        if (!q.id.empty()) {
            auto [it, fresh] = question_lines_.emplace(q.id, q.line);
            if (!fresh)
                error(q.line, 1, "question-id-duplicate",
                      "the question id \"" + q.id + "\" is already used on line " + std::to_string(it->second),
                      "Give one of them its own id at the end of its line, for example {#" + q.id + "-2}.");
        }
        std::map<std::string, int> option_lines;
        for (const auto& o : q.options) {
            if (o.id.empty()) continue;
            auto [it, fresh] = option_lines.emplace(o.id, o.line);
            if (!fresh)
                error(o.line, 1, "option-id-duplicate",
                      "the answer id \"" + o.id + "\" is already used on line " + std::to_string(it->second),
                      "Give one of them its own id, for example {#" + o.id + "-2}.");
        }
    }

    const SourceText& src_;
    Diagnostics& diags_;
    SurveyParseOptions options_;
    int errors_before_;
    int offset_ = 0;
    int review_line_ = 1;
    Survey survey_;
    std::optional<Question> current_;  // the question being read
    std::map<std::string, int> question_lines_;
};

}  // namespace

std::optional<Survey> parse_survey(const SourceText& src, Diagnostics& diags, const SurveyParseOptions& options) {
    return SurveyReader(src, diags, options).run();
}

std::optional<Survey> load_survey(const std::string& path, Diagnostics& diags, const SurveyParseOptions& options) {
    SourceText src;
    if (!load_source(path, src, diags)) return std::nullopt;
    return parse_survey(src, diags, options);
}

}  // namespace easyread::survey
