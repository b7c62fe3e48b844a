// "Make a first draft" from a long document in the folder, and the source
// beside the draft: its paragraphs linked to the chunks made from them.
#include "base/text_util.hpp"
#include "generator/draft/draft.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/parse/office_reader.hpp"
#include "studio/compare.hpp"
#include "studio/json_writer.hpp"
#include "studio/names.hpp"
#include "studio/studio_app.hpp"

namespace easyread::studio {

namespace {

const char* kDraftEnding = "-easy-read";

// The source a draft was made from: "plan-easy-read.md" -> plan.docx, plan.odt or plan.md.
std::string source_of(const DocStore& store, const std::string& draft) {
    std::string stem = draft.substr(0, draft.size() - 3);
    auto at = stem.rfind(kDraftEnding);
    if (at == std::string::npos) return {};
    stem = stem.substr(0, at);
    for (const char* ending : {".docx", ".odt", ".md"})
        if (store.exists(stem + ending)) return stem + ending;
    return {};
}

bool read_source(DocStore& store, const std::string& name, SourceText& src, std::string& error) {
    StoreError err;
    const std::string path = store.resolve(name, err);
    if (path.empty()) {
        error = err.message;
        return false;
    }
    Diagnostics diags;
    if (!office::load_document_source(path, src, diags)) {
        error = diags.items().empty() ? "cannot read " + name : diags.items().front().message;
        return false;
    }
    return true;
}

}  // namespace

void StudioApp::add_draft_routes() {
    add("POST", "/api/draft", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string source = param(req, "source");
        SourceText src;
        std::string error;
        if (!read_source(store_, source, src, error)) return send_error(res, 400, error);
        Diagnostics diags;
        lang::RuleSet rules;
        lang::Lexicon lexicon;
        if (!lang::load_rule_set(lang::kDefaultRuleSet, rules, diags) || !lang::load_lexicon(rules, lexicon, diags))
            return send_error(res, 500, "the easy read word lists cannot be read");
        ParsedMarkdown md = parse_markdown(src, diags);
        draft::DraftStats stats;
        std::string draft = draft::draft_markdown(src, md, rules, lexicon, stats);
        // The Source panel shows each fact beside its paragraph, so the
        // list of facts to tick off that ends a command-line draft is left out.
        if (auto facts = draft.find("\n<!-- Facts to tick off"); facts != std::string::npos) draft.resize(facts + 1);
        // The draft names the source by its place in the folder, not the whole path.
        const std::string full = store_.folder() + "/";
        for (std::size_t p; (p = draft.find(full)) != std::string::npos;) draft.erase(p, full.size());
        const std::string stem = source.substr(0, source.rfind('.'));
        const std::string name = free_name(store_, stem + kDraftEnding, ".md");
        std::string version;
        StoreError err;
        if (!store_.write(name, draft, "", version, nullptr, err)) return send_error(res, err.status, err.message);
        claim(req, name);
        send_json(res, Json().begin_object().field("name", name).field("source", source)
                           .field("sentences", stats.sentences).field("todos", stats.todos).end_object().str());
    });

    add("GET", "/api/compare", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string doc = param(req, "doc");
        StoredFile draft;
        StoreError err;
        if (!ends_with(lower(doc), ".md") || !store_.read(doc, draft, err, kMaxSourceBytes))
            return send_error(res, err.status ? err.status : 400, err.message.empty() ? "name a .md document" : err.message);
        const std::string source = source_of(store_, doc);
        Json j;
        j.begin_object().field("source", source).key("paragraphs").begin_array();
        if (!source.empty()) {
            SourceText src;
            std::string error;
            if (!read_source(store_, source, src, error)) return send_error(res, 400, error);
            for (const auto& p : compare_draft(src, draft.bytes)) {
                j.begin_object().field("line", p.line).field("para", p.para).field("text", p.text)
                    .field("heading", p.heading);
                j.key("chunks").begin_array();
                for (int l : p.chunks) j.value(l);
                j.end_array().key("left_out").begin_array();
                for (const auto& w : p.left_out) j.value(w);
                j.end_array().key("added").begin_array();
                for (const auto& w : p.added) j.value(w);
                j.end_array().end_object();
            }
        }
        send_json(res, j.end_array().end_object().str());
    });
}

}  // namespace easyread::studio
