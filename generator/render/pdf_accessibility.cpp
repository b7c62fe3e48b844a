#include "generator/render/pdf_accessibility.hpp"

#include <pango/pangocairo.h>

#include <exception>
#include <future>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "base/text_util.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/pdf_pictures.hpp"
#include "generator/render/pdf_write.hpp"

namespace easyread {

namespace {

// Figures in the structure tree, in reading order (depth first): the
// numbers of their objects (-1 for one written inside another object).
void collect_figures(pdf::Objects& pdf, std::string_view node, std::vector<int>& out, int depth) {
    if (depth > 200) return;  // a structure tree is never this deep; guard against loops
    node = pdf::trim(node);
    if (!node.empty() && node.front() == '[') {
        for (std::string_view item : pdf::array_items(node)) collect_figures(pdf, item, out, depth + 1);
        return;
    }
    const int number = pdf::ref_number(node);
    const std::string_view dict = pdf.direct(node);
    if (dict.size() < 2 || dict.substr(0, 2) != "<<") return;
    if (pdf::is_name(pdf::dict_get(dict, "/S"), "/Figure")) out.push_back(number);
    const std::string_view kids = pdf::dict_get(dict, "/K");
    if (!kids.empty()) collect_figures(pdf, kids, out, depth + 1);
}

// Screen readers expect one Document element at the root of the structure
// tree; cairo puts every top-level element there directly.
void wrap_in_document(pdf::Objects& pdf, int tree_root) {
    const std::string_view k = pdf::dict_get(pdf.objects[tree_root].text, "/K");
    std::vector<std::string> kids;
    if (!k.empty() && pdf::trim(k).front() == '[') {
        for (std::string_view item : pdf::array_items(k)) kids.emplace_back(item);
    } else {
        const std::string_view d = pdf.direct(k);
        if (d.size() < 2 || d.substr(0, 2) != "<<") return;
        if (pdf::is_name(pdf::dict_get(d, "/S"), "/Document")) return;
        kids.emplace_back(pdf::trim(k));
    }
    std::string list = "[";
    for (const std::string& kid : kids) list += " " + kid;
    pdf::Object doc;
    doc.text = "<< /Type /StructElem /S /Document /P " + pdf::ref(tree_root) + " /K " + list + " ] >>";
    const int document = pdf.add(std::move(doc));
    for (const std::string& kid : kids)
        if (pdf::Object* o = pdf.resolve(kid); o && o->text.compare(0, 2, "<<") == 0)
            o->text = pdf::dict_set(o->text, "/P", pdf::ref(document));
    pdf::Object& root = pdf.objects[tree_root];
    root.text = pdf::dict_set(root.text, "/K", pdf::ref(document));
}

// Marks everything drawn outside the structure (the page, rules, page
// numbers, decorative pictures) as an artifact, so each content item is
// either tagged or an artifact, and drops marked-content spans with nothing
// inside (cairo writes an empty /ActualText span at each line break).
//
// A scan of the page's content bytes that copies them through and only
// looks at operators: qpdf's token filter made a string for every token of
// every page, and was most of the time the PDF took after cairo.
class ArtifactMarker {
public:
    explicit ArtifactMarker(const std::string& in) : in_(in) { out_.reserve(in.size() + in.size() / 8); }

    std::string run() {
        const std::size_t n = in_.size();
        std::size_t i = 0;
        while (i < n) {
            const char c = in_[i];
            if (is_space(c)) {
                ++i;
            } else if (c == '%') {
                while (i < n && in_[i] != '\n' && in_[i] != '\r') ++i;
            } else if (c == '(') {
                i = after_string(i);
            } else if (c == '<' && i + 1 < n && in_[i + 1] == '<') {
                i += 2;
            } else if (c == '>' && i + 1 < n && in_[i + 1] == '>') {
                i += 2;
            } else if (c == '<') {
                while (i < n && in_[i] != '>') ++i;
                ++i;
            } else if (c == '[' || c == ']' || c == '{' || c == '}') {
                ++i;
            } else if (c == '/') {
                i = after_regular(i + 1);
            } else {
                const std::size_t start = i;
                i = after_regular(i);
                if (i == start) ++i;  // a stray delimiter
                const std::string_view word(in_.data() + start, i - start);
                if (is_operand(word)) continue;
                if (word == "ID") i = after_inline_image(i);
                op(word, i);
            }
        }
        if (holding_) out_ += held_;
        out_.append(in_, pending_, std::string::npos);
        close_artifact();
        return std::move(out_);
    }

private:
    const std::string& in_;
    std::string out_;
    std::size_t pending_ = 0;  // where the coming operator's operands start
    std::string held_;         // a span's BDC, until something is drawn in it
    bool holding_ = false;
    int depth_ = 0;  // marked content open
    bool in_artifact_ = false;

    static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
    static bool is_delimiter(char c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
               c == '/' || c == '%';
    }
    std::size_t after_regular(std::size_t i) const {
        while (i < in_.size() && !is_space(in_[i]) && !is_delimiter(in_[i])) ++i;
        return i;
    }
    std::size_t after_string(std::size_t i) const {  // i at "("
        int nesting = 0;
        for (; i < in_.size(); ++i) {
            if (in_[i] == '\\') ++i;
            else if (in_[i] == '(') ++nesting;
            else if (in_[i] == ')' && --nesting == 0) return i + 1;
        }
        return i;
    }
    // An inline image's data runs from after "ID" to "EI" between white space.
    std::size_t after_inline_image(std::size_t i) const {
        for (std::size_t j = i + 1; j + 1 < in_.size(); ++j)
            if (in_[j] == 'E' && in_[j + 1] == 'I' && is_space(in_[j - 1]) &&
                (j + 2 == in_.size() || is_space(in_[j + 2])))
                return j;  // the scan then reads "EI" as the next operator
        return in_.size();
    }
    static bool is_operand(std::string_view w) {
        if (w == "true" || w == "false" || w == "null") return true;
        const char c = w.front();
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }
    static bool paints(std::string_view op) {
        for (const char* p : {"Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"})
            if (op == p) return true;
        return false;
    }
    void close_artifact() {
        if (!in_artifact_) return;
        out_ += "\nEMC\n";
        in_artifact_ = false;
    }
    // The operator `op` ends at `end`; its operands start at pending_.
    void op(std::string_view op, std::size_t end) {
        const std::string_view seg(in_.data() + pending_, end - pending_);
        pending_ = end;
        if (holding_) {
            holding_ = false;
            if (op == "EMC") {  // nothing inside: leave out both
                held_.clear();
                return;
            }
            out_ += held_;
            held_.clear();
            ++depth_;
        }
        if (op == "BDC" || op == "BMC") {
            close_artifact();
            // Marked content of the structure tree (with an MCID) is always kept.
            if (seg.find("/MCID") != std::string_view::npos) {
                out_ += seg;
                ++depth_;
            } else {
                held_.assign(seg);  // a span: written once something is drawn inside it
                holding_ = true;
            }
            return;
        }
        if (op == "EMC") {
            close_artifact();
            if (depth_ > 0) --depth_;
        } else if (op == "q" || op == "Q" || op == "BT" || op == "ET") {
            close_artifact();
        } else if (depth_ == 0 && paints(op) && !in_artifact_) {
            out_ += "/Artifact BMC\n";
            in_artifact_ = true;
        }
        out_ += seg;
    }
};

// A page's content streams as they are in the file: a stream compressed with
// Flate alone (all cairo writes) is inflated later on the second thread.
struct ContentPart {
    std::string bytes;
    bool deflated = false;
};

std::vector<ContentPart> page_content(pdf::Objects& pdf, int page) {
    const std::string_view contents = pdf::dict_get(pdf.objects[page].text, "/Contents");
    std::vector<std::string_view> streams = pdf::array_items(contents);
    if (streams.empty()) streams.push_back(contents);
    std::vector<ContentPart> parts;
    for (std::string_view value : streams) {
        const pdf::Object* stream = pdf.resolve(value);
        if (!stream || !stream->stream) continue;
        const std::string_view filter = pdf::dict_get(stream->text, "/Filter");
        const bool flate = pdf::is_name(filter, "/FlateDecode") && pdf::dict_get(stream->text, "/DecodeParms").empty();
        if (!flate && !filter.empty()) throw std::runtime_error("a page's content has a filter other than Flate");
        parts.push_back({stream->data, flate});
    }
    return parts;
}

// Marks the artifacts of each page's content (all its streams read as one)
// and compresses it, on a second thread while the rest of the file is read
// and changed: plain strings in and out, no qpdf object shared.
std::vector<std::string> mark_and_compress(const std::vector<std::vector<ContentPart>>& pages) {
    std::vector<std::string> out;
    for (const auto& parts : pages) {
        std::string content;
        for (const ContentPart& p : parts) {
            content += p.deflated ? pdf::inflate(p.bytes) : p.bytes;
            content += '\n';
        }
        out.push_back(pdf::deflate(ArtifactMarker(content).run()));
    }
    return out;
}

// Puts compressed `content` in the page's own (first) content stream.
void replace_content(pdf::Objects& pdf, int page, std::string content) {
    const std::string_view contents = pdf::dict_get(pdf.objects[page].text, "/Contents");
    const std::vector<std::string_view> streams = pdf::array_items(contents);
    int first = pdf::ref_number(streams.empty() ? contents : streams.front());
    if (first <= 0 || static_cast<std::size_t>(first) >= pdf.objects.size() || !pdf.objects[first].stream) {
        first = pdf.add(pdf::Object{});
    }
    pdf::Object& stream = pdf.objects[first];
    stream.stream = true;
    stream.text = "<< /Filter /FlateDecode >>";
    stream.data = std::move(content);
    pdf::Object& p = pdf.objects[page];
    p.text = pdf::dict_set(p.text, "/Contents", pdf::ref(first));
}

// What each link annotation says to a screen reader (/Contents, as PDF/UA
// asks): a web link all its words (each line of a link has an annotation of
// its own, and each says the whole link, not "https://"), a contents entry
// its heading. Web links by page, in the order they were drawn.
struct LinkWords {
    std::vector<std::vector<std::string>> web;  // page -> words of each web link box
    std::map<std::string, std::string> entries;  // contents target -> its heading
};

LinkWords link_words(const LaidOutDocument& doc) {
    LinkWords w;
    for (const auto& page : doc.pages) {
        w.web.emplace_back();
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Text || !it.layout) continue;
            for (const LinkBox& box : link_boxes(it.layout.get(), it)) w.web.back().push_back(box.whole);
            if (it.tag == Tag::TOCI && !it.dest.empty() && !w.entries.count(it.dest))
                w.entries[it.dest] = pango_layout_get_text(it.layout.get());
        }
    }
    return w;
}

void describe_links(pdf::Objects& pdf, int page, const std::vector<std::string>& web,
                    const std::map<std::string, std::string>& entries) {
    const std::string_view annots = pdf.direct(pdf::dict_get(pdf.objects[page].text, "/Annots"));
    std::size_t next_web = 0;
    for (std::string_view item : pdf::array_items(annots)) {
        pdf::Object* a = pdf.resolve(item);
        if (!a || !pdf::is_name(pdf::dict_get(a->text, "/Subtype"), "/Link")) continue;
        std::string words;
        const std::string_view action = pdf.direct(pdf::dict_get(a->text, "/A"));
        const std::string_view uri = action.empty() ? action : pdf::dict_get(action, "/URI");
        const std::string_view dest = pdf::trim(pdf::dict_get(a->text, "/Dest"));
        if (!uri.empty()) {
            words = next_web < web.size() ? web[next_web] : pdf::text_to_utf8(uri);
            ++next_web;
        } else if (!dest.empty() && (dest.front() == '(' || dest.front() == '<')) {
            auto e = entries.find(pdf::text_to_utf8(dest));
            if (e != entries.end()) words = "Go to " + e->second;
        }
        if (!words.empty()) a->text = pdf::dict_set(a->text, "/Contents", pdf::text_string(words));
    }
}

// XMP metadata: what PDF/UA-1 asks for (pdfuaid:part 1 and the title).
std::string xmp_metadata(const LaidOutDocument& doc) {
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                    "<pdfuaid:part>1</pdfuaid:part>\n"
                    "<dc:format>application/pdf</dc:format>\n"
                    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
                    html_escape(doc.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!doc.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Easy read version of " +
             html_escape(doc.subject) + "</rdf:li></rdf:Alt></dc:description>\n";
    x += "<dc:language><rdf:Bag><rdf:li>" + html_escape(doc.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    x += "<pdf:Producer>easyread</pdf:Producer>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace

bool add_pdf_accessibility(const std::string& cairo_pdf, const PictureSheet& pictures,
                           const LaidOutDocument& doc, std::FILE* out, const std::string& path, Diagnostics& diags) {
    std::vector<std::string> alts;
    for (const auto& page : doc.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Picture && it.tag == Tag::Figure) alts.push_back(it.alt);  // not decorative ones

    try {
        pdf::Objects pdf(cairo_pdf);
        const std::vector<int> pages = pdf_pages(pdf);
        std::vector<std::vector<ContentPart>> contents;
        for (int page : pages) contents.push_back(page_content(pdf, page));
        auto marked = std::async(std::launch::async, [&contents] { return mark_and_compress(contents); });
        if (!pictures.pdf().empty()) put_sheet_pictures(pdf, pages, pdf::Objects(pictures.pdf()), pictures.drawn());
        pdf::Object xmp;
        xmp.stream = true;
        xmp.text = "<< /Type /Metadata /Subtype /XML >>";
        xmp.data = xmp_metadata(doc);
        const int metadata = pdf.add(std::move(xmp));
        const int root = pdf::ref_number(pdf::dict_get(pdf.trailer, "/Root"));
        if (!pdf.resolve(pdf::dict_get(pdf.trailer, "/Root"))) throw std::runtime_error("the PDF has no catalog");
        std::string catalog = pdf.objects[root].text;
        catalog = pdf::dict_set(catalog, "/Lang", pdf::text_string(doc.lang));
        catalog = pdf::dict_set(catalog, "/ViewerPreferences", "<< /DisplayDocTitle true >>");
        catalog = pdf::dict_set(catalog, "/MarkInfo", "<< /Marked true >>");
        catalog = pdf::dict_set(catalog, "/Metadata", pdf::ref(metadata));
        pdf.objects[root].text = catalog;
        // Tab through links and fields in structure order; say what each link
        // is; mark what is not content.
        const LinkWords words = link_words(doc);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i < words.web.size()) describe_links(pdf, pages[i], words.web[i], words.entries);
            pdf::Object& page = pdf.objects[pages[i]];
            page.text = pdf::dict_set(page.text, "/Tabs", "/S");
        }
        const int tree = pdf::ref_number(pdf::dict_get(catalog, "/StructTreeRoot"));
        if (tree > 0 && static_cast<std::size_t>(tree) < pdf.objects.size() && pdf.objects[tree].present) {
            wrap_in_document(pdf, tree);
            std::vector<int> figures;
            const std::string kids(pdf::dict_get(pdf.objects[tree].text, "/K"));
            collect_figures(pdf, kids, figures, 0);
            for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i) {
                if (figures[i] <= 0) continue;
                pdf::Object& figure = pdf.objects[figures[i]];
                figure.text = pdf::dict_set(figure.text, "/Alt", pdf::text_string(alts[i].empty() ? " " : alts[i]));
            }
        }
        std::vector<std::string> done = marked.get();
        for (std::size_t i = 0; i < pages.size() && i < done.size(); ++i)
            replace_content(pdf, pages[i], std::move(done[i]));
        write_pdf(pdf, out);
    } catch (const std::exception& e) {
        diags.error(path, 0, 0, "pdf-write", std::string("cannot finish the PDF: ") + e.what(),
                    "Check that the disk is not full, then run again.");
        return false;
    }
    return true;
}

}  // namespace easyread
