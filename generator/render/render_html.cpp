#include <cstdlib>
#include <glib.h>

#include <fstream>
#include <algorithm>
#include <map>
#include <vector>
#include <sstream>

#include "generator/layout/text_layout.hpp"
#include "generator/render/html_listen.hpp"
#include "generator/render/html_style.hpp"
#include "generator/render/output_file.hpp"
#include "generator/render/render.hpp"
#include "base/file_names.hpp"
#include "base/text_util.hpp"

namespace easyread {

namespace {

// Text items keep HTML beside their Pango markup; plain items only use <b> and line breaks.
std::string item_html(const PlacedItem& it) {
    if (!it.html.empty()) return it.html;
    std::string h = replace_all(it.markup, "<b>", "<strong>");
    h = replace_all(h, "</b>", "</strong>");
    return replace_all(h, "\n", "<br>");
}

class HtmlWriter {
public:
    explicit HtmlWriter(const LaidOutDocument& doc, const ListenClips* listen = nullptr) : doc_(doc), listen_(listen) {}

    std::string write() {
        out_ << "<!DOCTYPE html>\n<html lang=\"" << html_escape(doc_.lang) << "\">\n<head>\n"
             << "<meta charset=\"utf-8\">\n"
             << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             << "<meta name=\"generator\" content=\"easyread\">\n"
             << "<title>" << html_escape(doc_.title) << "</title>\n<style>" << kHtmlStyle << "</style>\n";
        if (listen_) out_ << "<style>" << listen_style() << "</style>\n";
        out_
             << "</head>\n<body>\n<div class=\"page\">\n";
        // Pages of one kind are one landmark, read as one flow: a chunk or a
        // list that goes on over a page break is written once, whatever the
        // page size.
        for (std::size_t p = 0; p < doc_.pages.size();) {
            const PageRole role = doc_.pages[p].role;
            std::vector<const PlacedItem*> items;
            std::size_t q = p;
            for (; q < doc_.pages.size() && same_landmark(doc_.pages[q].role, role); ++q)
                for (const auto& it : doc_.pages[q].items) items.push_back(&it);
            section_(role, items);
            p = q;
        }
        close_section();
        out_ << "</div>\n";
        if (listen_) out_ << "<script>" << listen_script() << "</script>\n";
        out_ << "</body>\n</html>\n";
        return out_.str();
    }

private:
    const LaidOutDocument& doc_;
    const ListenClips* listen_ = nullptr;  // chunk -> its speech, for the Listen buttons
    std::ostringstream out_;
    std::string open_;  // the landmark element now open
    std::map<std::string, std::string> data_uris_;

    void open_section(const std::string& element, const std::string& attrs = {}) {
        if (open_ == element) return;
        close_section();
        out_ << "<" << element << attrs << ">\n";
        open_ = element;
    }
    void close_section() {
        close_lists_to(0);
        if (toc_open_) out_ << "</ul>\n";
        toc_open_ = false;
        if (!open_.empty()) out_ << "</" << open_ << ">\n";
        open_.clear();
    }

    const std::string& data_uri(const std::string& file) {
        auto it = data_uris_.find(file);
        if (it != data_uris_.end()) return it->second;
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bool png = has_ending(file, ".png");
        gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
        std::string uri = std::string(png ? "data:image/png;base64," : "data:image/svg+xml;base64,") + b64;
        g_free(b64);
        return data_uris_[file] = bytes.empty() ? std::string() : uri;
    }

    std::string img(const PlacedItem& pic, const char* cls) {
        const std::string& uri = data_uri(pic.picture_file);
        if (uri.empty()) return {};
        std::string c = cls ? std::string(" class=\"") + cls + "\"" : std::string();
        return "<img" + c + " src=\"" + uri + "\" alt=\"" + html_escape(pic.alt) + "\">";
    }

    void heading(const PlacedItem& it) {
        const char* h = it.tag == Tag::H1 ? "h1" : it.tag == Tag::H2 ? "h2" : "h3";
        out_ << "<" << h;
        // The layout names each heading the contents lists; the same name links here.
        if (!it.dest.empty() && open_ == "main") out_ << " id=\"" << html_escape(it.dest) << "\"";
        out_ << ">" << item_html(it) << "</" << h << ">" << listen_button(listen_, it.chunk) << "\n";
    }

    static bool same_landmark(PageRole a, PageRole b) {
        auto main = [](PageRole r) { return r == PageRole::Content || r == PageRole::HardWords; };
        return a == b || (main(a) && main(b));
    }

    // The lists open now, outermost first: a deeper list sits inside the
    // open item of the list around it, as in the source.
    struct OpenList {
        int level;
        const char* tag;  // "ol" for a numbered list, starting at its first item's number
        bool item_open;
    };
    std::vector<OpenList> lists_;
    int list_ = -1;  // the layout's list number of the open lists

    void close_lists_to(int level) {
        while (!lists_.empty() && lists_.back().level > level) {
            if (lists_.back().item_open) out_ << "</li>\n";
            out_ << "</" << lists_.back().tag << ">\n";
            lists_.pop_back();
        }
        if (level == 0) list_ = -1;
    }

    // Opens the list an item at `level` belongs in (closing deeper ones, or
    // the item before it at its own level).
    void enter_list(const PlacedItem& first_text) {
        const int level = std::max(1, first_text.list_level);
        if (first_text.list != list_) close_lists_to(0);
        list_ = first_text.list;
        close_lists_to(level);
        if (!lists_.empty() && lists_.back().level == level) {
            if (lists_.back().item_open) out_ << "</li>\n";
            lists_.back().item_open = false;
            return;
        }
        const std::string& label = first_text.label;
        const int number = label.empty() || label[0] < '0' || label[0] > '9' ? 0 : std::atoi(label.c_str());
        const char* tag = number > 0 ? "ol" : "ul";
        out_ << "<" << tag << " class=\"chunks\"";
        if (number > 1) out_ << " start=\"" << number << "\"";
        out_ << ">\n";
        lists_.push_back({level, tag, false});
    }

    void section_(PageRole role, const std::vector<const PlacedItem*>& items) {
        switch (role) {
        case PageRole::Cover: open_section("header", " class=\"cover\""); break;
        case PageRole::Contents: open_section("nav", " aria-label=\"Contents\""); break;
        case PageRole::Content:
        case PageRole::HardWords: open_section("main"); break;
        case PageRole::Back: open_section("footer"); break;
        }
        for (std::size_t i = 0; i < items.size();) {
            const PlacedItem& it = *items[i];
            // Gather one chunk: its picture and its text items (on one page or more).
            std::size_t j = i;
            const PlacedItem* pic = nullptr;
            std::vector<const PlacedItem*> texts;
            bool row_rule = false;
            while (j < items.size() && (j == i || (items[j]->chunk == it.chunk && it.chunk >= 0))) {
                if (items[j]->kind == ItemKind::Picture) pic = items[j];
                else if (items[j]->kind == ItemKind::Text) texts.push_back(items[j]);
                else row_rule = true;
                ++j;
            }
            i = j;
            if (row_rule && texts.empty() && !pic) { pending_rule_ = true; continue; }
            if (!texts.empty() && texts.front()->list >= 0) {
                enter_list(*texts.front());
                lists_.back().item_open = true;  // closed by the next item or the list's end
            } else {
                close_lists_to(0);
            }
            chunk(pic, texts, role);
        }
    }

    bool pending_rule_ = false;

    void chunk(const PlacedItem* pic, const std::vector<const PlacedItem*>& texts, PageRole role) {
        if (texts.size() == 1 && !pic && texts[0]->tag >= Tag::H1 && texts[0]->tag <= Tag::H3) {
            heading(*texts[0]);
            return;
        }
        if (role == PageRole::Cover && pic && texts.empty()) {
            out_ << img(*pic, pic->logo ? "logo" : "cover-picture") << "\n";
            return;
        }
        if (role == PageRole::Contents && texts.size() == 2) {
            // Printed page numbers mean nothing on screen: the link is enough.
            const std::string& dest = texts[0]->dest.empty() ? texts[1]->dest : texts[0]->dest;
            if (!toc_open_) out_ << "<ul>\n";
            toc_open_ = true;
            out_ << "<li><a href=\"#" << html_escape(dest) << "\">" << item_html(*texts[0]) << "</a></li>\n";
            return;
        }
        bool li = !texts.empty() && texts.front()->tag == Tag::LI;
        bool plain = !pic && (role == PageRole::Cover || role == PageRole::Back);
        if (plain) {
            for (const auto* t : texts) out_ << "<p" << (role == PageRole::Back ? " class=\"credits\"" : "") << ">"
                                             << item_html(*t) << "</p>" << listen_button(listen_, t->chunk) << "\n";
            return;
        }
        std::string cls = "chunk";
        if (pending_rule_) cls += " row-start";
        pending_rule_ = false;
        out_ << (li ? "<li" : "<div") << " class=\"" << cls << "\"";
        // Each chunk names the Markdown line it came from, so editors can trace it back.
        if (!texts.empty() && texts.front()->source_line > 0)
            out_ << " data-source-line=\"" << texts.front()->source_line << "\"";
        out_ << ">";
        if (pic) out_ << "<div class=\"picture\">" << img(*pic, nullptr) << "</div>";
        else if (doc_.options.pictures) out_ << "<div class=\"picture\"></div>";
        // A chunk split over pages is one paragraph again.
        out_ << "<div class=\"text\"><p>";
        for (std::size_t t = 0; t < texts.size(); ++t)
            out_ << (t > 0 && !texts[t]->joins_previous ? " " : "") << item_html(*texts[t]);
        out_ << "</p>";
        if (!texts.empty()) out_ << listen_button(listen_, texts.front()->chunk);
        // A list item stays open for the list inside it; the list closes it.
        out_ << "</div>" << (li ? "" : "</div>") << "\n";
    }

    bool toc_open_ = false;
};

}  // namespace

std::string html_document(const LaidOutDocument& doc) { return HtmlWriter(doc).write(); }

namespace {

bool write_html(const std::string& html, const std::string& path, Diagnostics& diags) {
    const std::string tmp = temp_path_for(path);
    {
        std::ofstream out(tmp, std::ios::binary);
        out << html;
        out.close();
        if (!out) {
            std::remove(tmp.c_str());
            cannot_write(path, "the file could not be written", diags);
            return false;
        }
    }
    return commit_output(tmp, path, diags);
}

}  // namespace

bool render_html(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags) {
    return write_html(html_document(doc), path, diags);
}

bool render_html_listen(const LaidOutDocument& doc, const ListenClips& clips, const std::string& path,
                        Diagnostics& diags) {
    return write_html(HtmlWriter(doc, &clips).write(), path, diags);
}

}  // namespace easyread
