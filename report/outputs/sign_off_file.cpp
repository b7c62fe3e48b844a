#include "report/outputs/sign_off_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "report/reading/report_filter.hpp"
#include "report/reading/review_answers.hpp"

namespace easyread::report {

namespace fs = std::filesystem;

std::string sign_off_path(const std::string& document_path) {
    fs::path p(document_path);
    return (p.parent_path() / (p.stem().string() + ".sign-off")).string();
}

ReviewSignOff make_sign_off(const ReviewResults& results) {
    ReviewSignOff s;
    s.people = results.people;
    s.group = group_words(results.groups);
    s.date = results.last_date.empty() ? std::string() : words_date(results.last_date);
    for (const auto& p : results.reviewed_pages) {
        if (p.faces.total() == 0) continue;  // only walk-aways saw it
        s.pages.push_back({p.keys, p.faces.easy()});
    }
    return s;
}

namespace {

std::string faces_text(const Faces& f) {
    return std::to_string(f.happy) + " happy, " + std::to_string(f.middle) + " middle, " + std::to_string(f.sad) + " sad";
}

// What a sign-off file says, line by line ("key: value"; "#" comments).
struct SignOffText {
    std::vector<std::string> answers;
    std::string event;
    std::map<std::string, std::string> said;  // people, groups, date, and "page N" -> its faces
};

SignOffText parse(const std::string& text) {
    SignOffText t;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::size_t colon = line.find(": ");
        if (colon == std::string::npos) continue;
        const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key == "answers") t.answers.push_back(value);
        else if (key == "event") t.event = value;
        else if (key == "page") t.said["page " + value.substr(0, value.find(':'))] = value;
        else t.said[key] = value;
    }
    return t;
}

// The lines a sign-off file holds for `results`.
std::map<std::string, std::string> said_of(const ReviewResults& results) {
    std::map<std::string, std::string> said;
    said["people"] = std::to_string(results.people);
    said["groups"] = group_words(results.groups);
    said["date"] = results.last_date;
    for (const auto& p : results.reviewed_pages) {
        if (p.faces.total() == 0) continue;
        std::string keys;
        for (const auto& k : p.keys) keys += (keys.empty() ? "" : ",") + k;
        said["page " + p.document + " " + std::to_string(p.page)] =
            p.document + " " + std::to_string(p.page) + ": " + faces_text(p.faces) + (p.faces.easy() ? ", easy" : "") +
            "; chunks " + keys;
    }
    return said;
}

}  // namespace

bool write_sign_off(const ReviewResults& results, const std::vector<std::string>& answers, const std::string& event,
                    std::string& written, Diagnostics& diags) {
    const std::string path = sign_off_path(results.document_path);
    const bool any = std::any_of(results.pages.begin(), results.pages.end(),
                                 [](const PageReview& p) { return p.reviewed && p.faces.total() > 0; });
    if (results.people == 0 || !any) {
        diags.error(results.document_path, 0, 0, "sign-off-nothing-reviewed",
                    "no sign-off was written: no page of the document as it is now was reviewed to the end",
                    "Review the document as it is now, then sign it off.");
        return false;
    }
    const fs::path folder = fs::absolute(fs::path(path)).parent_path();
    std::string text =
        "# The review's sign-off of " + fs::path(results.document_path).filename().string() +
        ", written by easyread review results --sign-off.\n"
        "# easyread build prints \"Checked by ...\" on the contact page for the pages\n"
        "# still as the reviewers saw them. It counts every number again from the\n"
        "# answers files named here each time: a number changed by hand is not used.\n";
    for (const auto& a : answers) {
        std::error_code ec;
        fs::path rel = fs::relative(fs::absolute(a), folder, ec);
        text += "answers: " + (ec || rel.empty() ? fs::absolute(a).string() : rel.string()) + "\n";
    }
    if (!event.empty()) text += "event: " + event + "\n";
    for (const auto& [key, value] : said_of(results))
        text += (key.rfind("page ", 0) == 0 ? std::string("page") : key) + ": " + value + "\n";
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            fs::remove(tmp);
            diags.error(path, 0, 0, "sign-off-write", "the sign-off file could not be written",
                        "Check the document's folder can be written to.");
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp);
        diags.error(path, 0, 0, "sign-off-write", "the sign-off file could not be written: " + ec.message(),
                    "Check the document's folder can be written to.");
        return false;
    }
    written = path;
    return true;
}

std::shared_ptr<const ReviewSignOff> load_sign_off(const std::string& document_path, Diagnostics& diags) {
    const std::string path = sign_off_path(document_path);
    std::error_code ec;
    if (!fs::exists(path, ec)) return nullptr;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const SignOffText t = parse(ss.str());
    const std::string hint = "Write it again with 'easyread review results ANSWERS.db --document " + document_path +
                             " --sign-off', or delete it.";
    if (!in || t.answers.empty()) {
        diags.warning(path, 0, 0, "sign-off-unusable", "this sign-off names no answers file, so no \"Checked by\" "
                      "is printed", hint);
        return nullptr;
    }
    std::vector<std::string> answers;
    const fs::path folder = fs::path(path).parent_path();
    for (const auto& a : t.answers) answers.push_back(fs::path(a).is_absolute() ? a : (folder / a).string());
    ReviewAnswers read;
    Diagnostics reading;
    if (!read_review_answers(answers, document_path, t.event, read, reading)) {
        for (auto d : reading.items()) {
            d.severity = Severity::Warning;  // the build goes on, without the claim
            diags.add(d);
        }
        diags.warning(path, 0, 0, "sign-off-unusable",
                      "the review's answers cannot be read, so no \"Checked by\" is printed", hint);
        return nullptr;
    }
    const ReviewResults results = review_results(read, {}, document_path, {});
    // What the file says is compared with what the answers say; the answers win.
    const auto counted = said_of(results);
    for (const auto& [key, value] : t.said) {
        auto it = counted.find(key);
        if (it != counted.end() && it->second == value) continue;
        diags.warning(path, 0, 0, "sign-off-edited",
                      "this sign-off says " + key + ": \"" + value + "\", but its answers say " +
                          (it == counted.end() ? std::string("nothing of the kind") : "\"" + it->second + "\"") +
                          ": the answers' numbers are used",
                      hint);
    }
    for (const auto& [key, value] : counted)
        if (!t.said.count(key))
            diags.warning(path, 0, 0, "sign-off-edited",
                          "the answers hold more than this sign-off says (" + key + "): the answers are used", hint);
    auto s = std::make_shared<ReviewSignOff>(make_sign_off(results));
    if (s->people == 0 || s->pages.empty()) return nullptr;
    return s;
}

}  // namespace easyread::report
