#include "report/outputs/actions_file.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>

#include "generator/parse/attributes.hpp"
#include "generator/parse/markdown_front.hpp"
#include "base/source_text.hpp"
#include "base/text_util.hpp"

namespace easyread::report {

const Action* ActionsFile::find(const std::string& question_id) const {
    for (const auto& a : actions)
        if (a.question_id == question_id) return &a;
    return nullptr;
}

namespace {


// "Who: Sam" -> true, value "Sam" (case does not matter).
bool take_field(const std::string& text, const char* name, std::string& value) {
    std::size_t n = std::char_traits<char>::length(name);
    if (text.size() < n) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != name[i]) return false;
    value = trim(text.substr(n));
    return true;
}

class Reader {
public:
    Reader(const ParsedMarkdown& md, const std::vector<std::string>& ids, ActionsFile& out, Diagnostics& diags)
        : md_(md), ids_(ids), out_(out), diags_(diags) {}

    bool run() {
        for (cmark_node* n = cmark_node_first_child(md_.root.get()); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING: heading(n); break;
            case CMARK_NODE_PARAGRAPH: words(n, node_plain_text(n)); break;
            case CMARK_NODE_LIST:
                for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item))
                    words(item, node_plain_text(item));
                break;
            default: break;
            }
        }
        for (const auto& a : out_.actions) {
            if (a.what.empty())
                diags_.warning(out_.path, a.line, 1, "action-empty", "this section does not say what the board will do",
                               "Write a sentence under the heading, for example \"We will ...\".");
            else if (a.who.empty() || a.by_when.empty())
                diags_.warning(out_.path, a.line, 1, "action-who-when",
                               std::string("this action does not say ") + (a.who.empty() ? "who will do it" : "by when"),
                               "Add a line \"Who: ...\" and a line \"By when: ...\".");
        }
        return ok_;
    }

private:
    const ParsedMarkdown& md_;
    const std::vector<std::string>& ids_;
    ActionsFile& out_;
    Diagnostics& diags_;
    bool ok_ = true;
    bool in_section_ = false;

    int line_of(cmark_node* n) const { return cmark_node_get_start_line(n) + md_.line_offset(); }

    void heading(cmark_node* n) {
        std::string text = node_plain_text(n);
        Attributes attrs = take_trailing_attributes(text);
        std::string id = attrs.present && !attrs.id.empty() ? attrs.id : trim(text);
        in_section_ = false;
        const int line = line_of(n);
        if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) {
            // Accept the question's id in any case too: "## Meeting".
            auto it = std::find_if(ids_.begin(), ids_.end(), [&](const std::string& q) { return lower(id) == q; });
            if (it == ids_.end()) {
                std::string known;
                for (const auto& q : ids_) known += (known.empty() ? "" : ", ") + q;
                diags_.error(out_.path, line, 1, "unknown-question",
                             "there is no question \"" + id + "\" in this survey",
                             "Start each section with \"## \" and a question id: " + known + ".");
                ok_ = false;
                return;
            }
            id = *it;
        }
        if (const Action* before = out_.find(id)) {
            diags_.error(out_.path, line, 1, "action-twice",
                         "the question \"" + id + "\" already has a section at line " + std::to_string(before->line),
                         "Put everything about one question under one heading.");
            ok_ = false;
            return;
        }
        Action a;
        a.question_id = id;
        a.line = line;
        out_.actions.push_back(a);
        in_section_ = true;
    }

    void words(cmark_node* n, const std::string& text_in) {
        std::string text = trim(text_in);
        if (text.empty()) return;
        if (!in_section_) {
            if (out_.actions.empty() && ok_)
                diags_.warning(out_.path, line_of(n), 1, "action-outside",
                               "these words are not under a question heading, so they are not used",
                               "Put them under \"## question-id\".");
            return;
        }
        Action& a = out_.actions.back();
        std::string value;
        if (take_field(text, "who:", value)) a.who = value;
        else if (take_field(text, "by when:", value)) a.by_when = value;
        else a.what.push_back(text);
    }
};

}  // namespace

bool load_actions(const std::string& path, const std::vector<std::string>& question_ids, ActionsFile& out,
                  Diagnostics& diags) {
    out = ActionsFile{};
    out.path = path;
    SourceText src;
    if (!load_source(path, src, diags)) return false;
    ParsedMarkdown md = parse_markdown(src, diags);
    out.meta = md.meta;
    return Reader(md, question_ids, out, diags).run();
}

}  // namespace easyread::report
