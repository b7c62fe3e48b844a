#include "survey/survey.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstring>

namespace easyread::survey {

namespace {
struct TypeName {
    QuestionType type;
    const char* name;
};
const TypeName kTypeNames[] = {
    {QuestionType::Faces3, "faces3"},         {QuestionType::Faces5, "faces5"},
    {QuestionType::YesNo, "yes-no"},          {QuestionType::ChooseOne, "choose-one"},
    {QuestionType::ChooseMany, "choose-many"}, {QuestionType::Comment, "comment"},
};

Option builtin(const char* id, const char* label, const char* picture, bool negative) {
    Option o;
    o.id = id;
    o.label = label;
    o.picture = picture;
    o.negative = negative;
    return o;
}
}  // namespace

const char* question_type_name(QuestionType t) {
    for (const auto& tn : kTypeNames)
        if (tn.type == t) return tn.name;
    return "faces3";
}

bool question_type_from_name(const std::string& name, QuestionType& out) {
    for (const auto& tn : kTypeNames) {
        if (name == tn.name) {
            out = tn.type;
            return true;
        }
    }
    return false;
}

std::vector<Option> builtin_options(QuestionType t) {
    // "I don't know" is always offered (kiosk-rules: never force an answer).
    const Option dont_know = builtin("dont-know", "I don't know", "dont-know", false);
    switch (t) {
    case QuestionType::Faces3:
        return {builtin("happy", "Happy", "happy", false), builtin("middle", "In the middle", "middle", false),
                builtin("sad", "Sad", "sad", true), dont_know};
    case QuestionType::Faces5:
        return {builtin("very-happy", "Very happy", "very-happy", false), builtin("happy", "Happy", "happy", false),
                builtin("middle", "In the middle", "middle", false), builtin("sad", "Sad", "sad", true),
                builtin("very-sad", "Very sad", "very-sad", true), dont_know};
    case QuestionType::YesNo:
        // One way to say "I am not sure": "Not sure" beside "I don't know" made two answers that mean the same.
        return {builtin("yes", "Yes", "yes", false), builtin("no", "No", "no", true), dont_know};
    default:
        return {};
    }
}

const Option* Question::find_option(const std::string& option_id) const {
    for (const auto& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

bool Question::allows_value(const std::string& value) const {
    if (type == QuestionType::Comment) return !value.empty();
    // "not-sure" was a yes-no answer before "I don't know" stood for both: older files keep it.
    if (type == QuestionType::YesNo && value == "not-sure") return true;
    if (type != QuestionType::ChooseMany) return find_option(value) != nullptr;
    // "a;b": each id once, each an option.
    std::vector<std::string> seen;
    std::size_t start = 0;
    while (true) {
        std::size_t end = value.find(';', start);
        std::string part = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!find_option(part)) return false;
        for (const auto& s : seen)
            if (s == part) return false;
        seen.push_back(part);
        if (end == std::string::npos) return true;
        start = end + 1;
    }
}

const Question* Survey::find(const std::string& question_id) const {
    for (const auto& q : questions)
        if (q.id == question_id) return &q;
    return nullptr;
}

int Survey::index_of(const std::string& question_id) const {
    for (std::size_t i = 0; i < questions.size(); ++i)
        if (questions[i].id == question_id) return static_cast<int>(i);
    return -1;
}

bool Survey::has_page_questions() const {
    for (const auto& q : questions)
        if (q.each_page) return true;
    return false;
}

bool expand_document_pages(Survey& survey, int page_count, const std::string& document_label) {
    if (page_count < 1) return false;
    std::vector<Question> out;
    for (const auto& q : survey.questions) {
        if (!q.each_page) {
            out.push_back(q);
            continue;
        }
        for (int page = 1; page <= page_count; ++page) {
            Question copy = q;
            copy.id = q.id + "-" + std::to_string(page);
            copy.each_page = false;
            copy.page = page;
            out.push_back(std::move(copy));
        }
    }
    survey.questions = std::move(out);
    survey.document_label = document_label;
    return true;
}

std::string review_survey_text(const std::string& id, const std::string& document, const std::string& title) {
    const std::size_t slash = document.rfind('/');
    // People at the kiosk read the document's own title, on one line, without
    // its closing mark; the file name only when it has none.
    std::string t;
    for (char c : title) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && (t.empty() || t.back() == ' ')) continue;
        t += space ? ' ' : c;
    }
    while (!t.empty() && std::strchr(" .?!:;", t.back())) t.pop_back();
    const std::string heading = t.empty() ? "Is " + document.substr(slash == std::string::npos ? 0 : slash + 1) + " easy to understand?"
                                          : "Is this easy to understand: " + t + "?";
    return "---\n"
           "id: review-" + id + "\n"
           "version: 1\n"
           "title: " + heading + "\n"
           "lang: en-GB\n"
           "document: " + document + "\n"
           "review: yes\n"
           "---\n"
           "\n"
           "## Is this page easy to understand? {#page type=faces3 each=page picture=document}\n"
           "\n"
           "Look at the page. Touch the face that shows how easy it is to understand.\n"
           "\n"
           "## Do you want to tell us more about this page? {#comment type=comment each=page picture=keyboard}\n"
           "\n"
           "Type what you want to say about this page. Or touch Next.\n";
}

std::string document_label(const std::string& path, const std::string& text) {
    const std::size_t slash = path.rfind('/');
    return path.substr(slash == std::string::npos ? 0 : slash + 1) + " " + content_hash(text).substr(0, 8);
}

std::string survey_text_hash(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
    if (!out.empty()) out += '\n';
    return content_hash(out);
}

std::string content_hash(const std::string& bytes) {
    if (sodium_init() < 0) return {};
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
    char hex[sizeof h * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

}  // namespace easyread::survey
