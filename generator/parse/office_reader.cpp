#include "generator/parse/office_reader.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <fstream>
#include <iterator>

#include "base/file_names.hpp"
#include "base/text_util.hpp"

namespace easyread::office {

// ---------------------------------------------------------------- Markdown

// A web address written out ("https://...", "www..."): Markdown makes it a
// link as it stands, backslashes and all, so it is not escaped.
static std::size_t address_length(const std::string& s, std::size_t i) {
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '(') return 0;
    bool address = false;
    for (const char* start : {"http://", "https://", "www."})
        address = address || lower(s.substr(i, std::strlen(start))) == start;
    if (!address) return 0;
    std::size_t end = i;
    while (end < s.size() && s[end] != ' ' && s[end] != '\n' && s[end] != '\t' && s[end] != '\r' && s[end] != '<' &&
           s[end] != '|')
        ++end;
    return end - i;
}

static std::string escape_markdown(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::size_t n = address_length(s, i)) {
            out.append(s, i, n);
            i += n - 1;
            continue;
        }
        char c = s[i];
        switch (c) {
        case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '{': case '}': case '|':
        case '~':
            out += '\\';
            out += c;
            break;
        case '\n': case '\r': case '\t': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

// Runs of one link (or none): bold and italic markers round whole phrases.
static std::string emphasis_markdown(std::vector<TextRun>::const_iterator from, std::vector<TextRun>::const_iterator to) {
    // Join runs of the same emphasis first, so markers wrap whole phrases.
    std::vector<TextRun> merged;
    for (auto r = from; r != to; ++r) {
        if (r->text.empty()) continue;
        if (!merged.empty() && merged.back().bold == r->bold && merged.back().italic == r->italic)
            merged.back().text += r->text;
        else merged.push_back(*r);
    }
    std::string out;
    for (const auto& r : merged) {
        std::string t = escape_markdown(r.text);
        if (!r.bold && !r.italic) {
            out += t;
            continue;
        }
        // Markers go round the words, not the spaces beside them.
        std::size_t a = t.find_first_not_of(' '), b = t.find_last_not_of(' ');
        if (a == std::string::npos) {
            out += t;
            continue;
        }
        const std::string mark = r.bold && r.italic ? "***" : r.bold ? "**" : "*";
        out += t.substr(0, a) + mark + t.substr(a, b - a + 1) + mark + t.substr(b + 1);
    }
    return out;
}

// An address as a Markdown link destination: the characters that would end
// it (spaces, brackets, backslashes, control characters) percent-encoded.
static std::string link_destination(const std::string& uri) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' || c == '`') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// Only addresses a reader can follow from a printed or web page stay links.
static bool followable(const std::string& uri) {
    const std::string u = lower(uri);
    for (const char* scheme : {"http://", "https://", "mailto:", "tel:", "ftp://"})
        if (u.rfind(scheme, 0) == 0 && u.size() > std::strlen(scheme)) return true;
    return false;
}

std::string MarkdownBuilder::inline_markdown(const std::vector<TextRun>& runs) {
    std::string out;
    for (auto from = runs.begin(); from != runs.end();) {
        auto to = from;
        while (to != runs.end() && to->link == from->link) ++to;
        std::string t = emphasis_markdown(from, to);
        std::size_t a = t.find_first_not_of(' '), b = t.find_last_not_of(' ');
        if (followable(from->link) && a != std::string::npos)
            out += t.substr(0, a) + "[" + t.substr(a, b - a + 1) + "](" + link_destination(from->link) + ")" +
                   t.substr(b + 1);
        else out += t;
        from = to;
    }
    // One space between words, none at the ends.
    std::string tidy;
    for (char c : out) {
        if (c == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
        tidy += c;
    }
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    // A line that starts like a list item ("2023. ", "- ", "+ ") stays a paragraph.
    std::size_t digits = 0;
    while (digits < tidy.size() && tidy[digits] >= '0' && tidy[digits] <= '9') ++digits;
    if (digits > 0 && digits < tidy.size() && (tidy[digits] == '.' || tidy[digits] == ')'))
        tidy.insert(digits, "\\");
    else if (!tidy.empty() && (tidy[0] == '-' || tidy[0] == '+' || tidy[0] == '=' || tidy[0] == '#' || tidy[0] == '>'))
        tidy.insert(0, "\\");
    return tidy;
}

std::string MarkdownBuilder::picture_markdown(const Picture& picture) {
    return "![" + escape_markdown(picture.alt) + "](<" + picture.file + ">)";
}

void MarkdownBuilder::line(const std::string& s, int para) {
    text += s;
    text += '\n';
    paragraph_of_line.push_back(para);
}

void MarkdownBuilder::gap() {
    if (!text.empty() && text.size() >= 2 && text.compare(text.size() - 2, 2, "\n\n") != 0) line("", 0);
}

void MarkdownBuilder::end_list() {
    if (in_list_) gap();
    in_list_ = false;
    list_columns_.clear();
}

void MarkdownBuilder::front_matter(const std::vector<std::pair<std::string, std::string>>& fields) {
    auto one_line = [](std::string s) {
        for (char& c : s)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        return trim(s);
    };
    std::string head;
    for (const auto& [key, value] : fields)
        if (!one_line(value).empty()) head += key + ": " + one_line(value) + "\n";
    if (head.empty()) return;
    head = "---\n" + head + "---\n\n";
    const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    text.insert(0, head);
    paragraph_of_line.insert(paragraph_of_line.begin(), lines, 0);
}

void MarkdownBuilder::heading(int level, const std::vector<TextRun>& runs, int para) {
    std::string t = inline_markdown(runs);
    if (t.empty()) return;
    end_list();
    gap();
    line(std::string(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#') + " " + t, para);
    line("", para);
}

void MarkdownBuilder::picture_only(const Picture& picture, int para) {
    end_list();
    gap();
    line(picture_markdown(picture), para);
    line("", para);
}

void MarkdownBuilder::paragraph(const std::vector<TextRun>& runs, int para, const Picture* picture) {
    std::string t = inline_markdown(runs);
    if (t.empty()) {
        if (picture) picture_only(*picture, para);
        return;
    }
    // A bullet typed as text (as easyread's own Word files have it) is a list item.
    static const std::string bullet = "\u2022 ";
    if (t.compare(0, bullet.size(), bullet) == 0) {
        std::vector<TextRun> rest = runs;
        for (auto& r : rest) {
            auto at = r.text.find("\u2022");
            if (at == std::string::npos) continue;
            r.text.erase(0, at + std::string("\u2022").size());
            break;
        }
        list_item(0, false, 0, rest, para, picture);
        return;
    }
    end_list();
    gap();
    line(picture ? t + " " + picture_markdown(*picture) : t, para);
    line("", para);
}

void MarkdownBuilder::list_item(int depth, bool ordered, int number, const std::vector<TextRun>& runs, int para,
                                const Picture* picture) {
    std::string t = inline_markdown(runs);
    if (t.empty()) return;
    if (!in_list_) gap();
    in_list_ = true;
    // A level's items start where its parent item's text starts; a level
    // skipped in the source is one level deeper here.
    const std::size_t level = std::min(static_cast<std::size_t>(std::clamp(depth, 0, 8)), list_columns_.size());
    const std::size_t indent = level == 0 ? 0 : list_columns_[level - 1];
    const std::string marker = ordered ? std::to_string(number) + ". " : "- ";
    // A sub-list numbered from other than 1 would read as the parent's text
    // unless a blank line comes first.
    if (ordered && number != 1 && level == list_columns_.size() && level > 0) line("", para);
    list_columns_.resize(level);
    list_columns_.push_back(indent + marker.size());
    if (picture) t += " " + picture_markdown(*picture);
    line(std::string(indent, ' ') + marker + t, para);
}

void MarkdownBuilder::table(const std::vector<std::vector<std::string>>& rows, int para) {
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    if (rows.empty() || cols == 0) return;
    end_list();
    gap();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string s = "|";
        for (std::size_t c = 0; c < cols; ++c) s += " " + (c < rows[i].size() ? rows[i][c] : std::string()) + " |";
        line(s, para);
        if (i == 0) {
            std::string rule = "|";
            for (std::size_t c = 0; c < cols; ++c) rule += " --- |";
            line(rule, para);
        }
    }
    line("", para);
}

// ---------------------------------------------------------------- packages

Package::~Package() {
    if (zip_) zip_discard(zip_);
}

bool Package::open(const std::string& path, const std::string& bytes, Diagnostics& diags) {
    path_ = path;
    // Word saves a password-protected file (and the old .doc format) as an
    // OLE compound file, not a zip.
    if (bytes.empty()) {
        diags.error(path, 0, 0, "empty-file", "this file is empty (0 bytes)",
                    "It was not saved or copied completely: save it again from Word or LibreOffice.");
        return false;
    }
    if (starts_with(bytes, "{\\rtf")) {
        diags.error(path, 0, 0, "not-office-file", "this is a Rich Text (.rtf) file, not a .docx",
                    "Open it in Word or LibreOffice and save it as .docx or .odt.");
        return false;
    }
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // An encrypted .docx is an OLE file holding the encrypted package
        // (its stream names are UTF-16).
        auto utf16 = [](const char* ascii) {
            std::string out;
            for (const char* c = ascii; *c; ++c) out += std::string(1, *c) + '\0';
            return out;
        };
        if (bytes.find(utf16("EncryptedPackage")) != std::string::npos ||
            bytes.find(utf16("EncryptionInfo")) != std::string::npos)
            diags.error(path, 0, 0, "password-protected", "this file is protected by a password",
                        "Open it in Word, remove the password (File > Info > Protect Document), save it and try again.");
        else
            diags.error(path, 0, 0, "not-office-file", "this is an old Word (.doc) file, not a .docx",
                        "Open it in Word or LibreOffice and save it as .docx or .odt.");
        return false;
    }
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) zip_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!zip_ && src && zip_error_code_zip(&err) == ZIP_ER_INCONS) {
        // Word writes local headers that differ from the central directory
        // (another time, padding): read by the central directory, as Word
        // does. Each part's checksum and the size limits still hold.
        zip_error_fini(&err);
        zip_error_init(&err);
        zip_ = zip_open_from_source(src, ZIP_RDONLY, &err);
    }
    if (!zip_) {
        if (src) zip_source_free(src);
        const int code = zip_error_code_zip(&err);
        zip_error_fini(&err);
        if (code == ZIP_ER_NOZIP)
            diags.error(path, 0, 0, "not-office-file", "this file is not a Word or OpenDocument file (it is not a zip package)",
                        "Open it in Word or LibreOffice and save it as .docx or .odt.");
        else
            diags.error(path, 0, 0, "damaged-file", "this file is damaged (its zip package cannot be read)",
                        "Open it in Word or LibreOffice, let it repair the file, and save it again.");
        return false;
    }
    zip_error_fini(&err);
    return true;
}

bool Package::has(const std::string& part) const { return zip_ && zip_name_locate(zip_, part.c_str(), 0) >= 0; }

bool Package::read(const std::string& part, std::string& out, Diagnostics& diags) {
    out.clear();
    zip_int64_t index = zip_name_locate(zip_, part.c_str(), 0);
    if (index < 0) {
        diags.error(path_, 0, 0, "damaged-file", "this file has no " + part + " part",
                    "Open it in Word or LibreOffice and save it again as .docx or .odt.");
        return false;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    auto too_big = [&] {
        diags.error(path_, 0, 0, "file-too-large",
                    "the " + part + " part unpacks to more than " + std::to_string(kMaxPartBytes / (1024 * 1024)) +
                        " MB; a document this big is almost certainly damaged or hostile (a zip bomb)",
                    "Save the document again from Word or LibreOffice, or split it into smaller files.");
        return false;
    };
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > kMaxPartBytes)
        return too_big();
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        diags.error(path_, 0, 0, "password-protected", "this file is protected by a password",
                    "Open it, remove the password, save it and try again.");
        return false;
    }
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (!f) {
        diags.error(path_, 0, 0, "damaged-file", "the " + part + " part cannot be read: " + zip_strerror(zip_),
                    "Open it in Word or LibreOffice, let it repair the file, and save it again.");
        return false;
    }
    // The size in the zip's directory can lie: read no more than the limit.
    char buf[65536];
    bool ok = true;
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            diags.error(path_, 0, 0, "damaged-file", "the " + part + " part is damaged: " + zip_file_strerror(f),
                        "Open it in Word or LibreOffice, let it repair the file, and save it again.");
            ok = false;
            break;
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        total_ += static_cast<std::size_t>(n);
        if (out.size() > kMaxPartBytes || total_ > kMaxPackageBytes) {
            ok = too_big();
            break;
        }
    }
    zip_fclose(f);
    return ok;
}

static void ignore_xml_errors(void*, const char*, ...) {}

xmlDoc* parse_xml(const std::string& path, const std::string& part, const std::string& xml, Diagnostics& diags) {
    // libxml2 keeps its own limits on entity expansion; no network, no DTD loading.
    xmlSetGenericErrorFunc(nullptr, ignore_xml_errors);
    xmlResetLastError();
    xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(std::min<std::size_t>(xml.size(), 0x7fffffff)),
                                part.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !xmlDocGetRootElement(doc)) {
        const xmlError* e = xmlGetLastError();
        std::string why = e && e->message ? trim(e->message) : std::string("not well-formed");
        std::string where = e && e->line > 0 ? " at line " + std::to_string(e->line) : std::string();
        if (why.find("Excessive depth") != std::string::npos || why.find("depth") != std::string::npos)
            diags.error(path, 0, 0, "damaged-file",
                        "the " + part + " part nests its parts more than 256 levels deep" + where +
                            "; Word and LibreOffice never write that, so the file is damaged or made to harm readers",
                        "Open it in Word or LibreOffice, copy the text into a new document, and save that.");
        else
            diags.error(path, 0, 0, "damaged-file", "the " + part + " part is not valid XML" + where + ": " + why,
                        "Open it in Word or LibreOffice, let it repair the file, and save it again.");
        if (doc) xmlFreeDoc(doc);
        return nullptr;
    }
    return doc;
}

// ---------------------------------------------------------------- loading

void say_at_paragraph(Diagnostics& diags, Severity severity, const std::string& path, int para, const std::string& id,
                      const std::string& message, const std::string& hint) {
    Diagnostic n;
    n.severity = severity;
    n.file = path;
    n.line = para;
    n.line_label = para > 0 ? "para" : "";
    n.id = id;
    n.message = message;
    n.hint = hint;
    diags.add(n);
}

namespace {

// The folder where pictures taken out of documents are written, made on
// first use and removed with everything in it when the process ends.
class PictureFolder {
public:
    ~PictureFolder() {
        std::error_code ignored;
        if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
    }
    // Writes `bytes` as `name` (named by its content, so each picture is written once).
    std::string write(const std::string& name, const std::string& bytes) {
        std::lock_guard<std::mutex> guard(lock_);
        if (dir_.empty()) {
            std::error_code ec;
            std::string tmpl = (std::filesystem::temp_directory_path(ec) / "easyread-office-XXXXXX").string();
            if (ec || !mkdtemp(tmpl.data())) return {};
            dir_ = tmpl;
        }
        const std::string file = dir_ + "/" + name;
        std::error_code ec;
        if (std::filesystem::exists(file, ec)) return file;
        std::ofstream out(file, std::ios::binary);
        if (!(out << bytes) || !out.flush()) return {};
        return file;
    }

    std::string dir() {
        std::lock_guard<std::mutex> guard(lock_);
        return dir_;
    }

private:
    std::mutex lock_;
    std::string dir_;
};

PictureFolder& picture_folder() {
    static PictureFolder folder;
    return folder;
}

std::string picture_kind(const std::string& b) {
    auto starts = [&](const char* magic, std::size_t n) { return b.size() >= n && b.compare(0, n, magic, n) == 0; };
    if (starts("\x89PNG\r\n\x1a\n", 8)) return "png";
    if (starts("\xFF\xD8\xFF", 3)) return "jpg";
    if (starts("GIF8", 4)) return "GIF";
    if (starts("BM", 2)) return "BMP";
    if (starts("II*\0", 4) || starts("MM\0*", 4)) return "TIFF";
    if (starts("\x01\0\0\0", 4) && b.size() > 44 && b.compare(40, 4, " EMF") == 0) return "EMF";
    if (starts("\xD7\xCD\xC6\x9A", 4)) return "WMF";
    const std::string head = b.substr(0, 512);
    if (head.find("<svg") != std::string::npos) return "svg";
    return "unknown";
}

}  // namespace

// A picture's size in pixels from its header (PNG's IHDR, JPEG's frame
// header); 0 x 0 when it is not found.
static std::pair<std::uint32_t, std::uint32_t> pixel_size(const std::string& b, const std::string& kind) {
    auto u8 = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[i])); };
    auto be16 = [&](std::size_t i) { return u8(i) << 8 | u8(i + 1); };
    if (kind == "png" && b.size() >= 24) return {be16(16) << 16 | be16(18), be16(20) << 16 | be16(22)};
    if (kind == "jpg")
        for (std::size_t i = 2; i + 9 < b.size();) {
            if (u8(i) != 0xFF) break;
            const std::uint32_t marker = u8(i + 1);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                return {be16(i + 7), be16(i + 5)};
            i += 2 + be16(i + 2);
        }
    return {0, 0};
}

std::string save_picture(const std::string& bytes, std::string& kind) {
    kind = picture_kind(bytes);
    if (kind != "png" && kind != "jpg" && kind != "svg") return {};
    // Drawing a picture takes 4 bytes a pixel: past 50 million pixels (a
    // photo is 12 to 24) it is damaged or made to exhaust the memory.
    const auto [width, height] = pixel_size(bytes, kind);
    if (static_cast<std::uint64_t>(width) * height > 50'000'000ull) {
        kind = "too big: " + std::to_string(width) + " x " + std::to_string(height) + " pixels";
        return {};
    }
    // FNV-1a of the bytes names the file.
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.", static_cast<unsigned long long>(h));
    return picture_folder().write(name + kind, bytes);
}

std::string keep_pictures(const std::string& markdown, const std::string& draft_path, Diagnostics& diags) {
    const std::string from = picture_folder().dir();
    if (from.empty() || markdown.find(from + "/") == std::string::npos) return markdown;
    namespace fs = std::filesystem;
    const fs::path draft(draft_path);
    const std::string folder = draft.stem().string() + "-pictures";
    const fs::path to = draft.parent_path() / folder;
    std::error_code ec;
    fs::create_directories(to, ec);
    std::string out;
    std::size_t at = 0;
    for (std::size_t p; (p = markdown.find(from + "/", at)) != std::string::npos;) {
        const std::size_t name_at = p + from.size() + 1;
        const std::size_t end = markdown.find_first_of(">)\n", name_at);
        const std::string name = markdown.substr(name_at, end == std::string::npos ? std::string::npos : end - name_at);
        out.append(markdown, at, p - at);
        if (!ec) fs::copy_file(fs::path(from) / name, to / name, fs::copy_options::overwrite_existing, ec);
        out += ec ? from + "/" + name : folder + "/" + name;
        at = name_at + name.size();
    }
    out.append(markdown, at, std::string::npos);
    if (ec)
        diags.warning(draft_path, 0, 0, "pictures-not-kept",
                      "the pictures from the document could not be copied to " + to.string() + ": " + ec.message(),
                      "Check you may write to that folder, then make the draft again.");
    return out;
}

bool is_office_file(const std::string& path) {
    // .doc is read only to say what it is and what to do.
    return has_ending(path, ".docx") || has_ending(path, ".odt") || has_ending(path, ".doc");
}

bool office_source_from_bytes(const std::string& path, const std::string& bytes, SourceText& src,
                              Diagnostics& diags) {
    MarkdownBuilder md;
    const bool ok = has_ending(path, ".odt") ? read_odt(path, bytes, md, diags) : read_docx(path, bytes, md, diags);
    if (!ok) return false;
    src.path = path;
    src.text = std::move(md.text);
    src.paragraph_of_line = std::move(md.paragraph_of_line);
    // The Markdown made must pass the same checks as a .md file.
    Diagnostics checks;
    if (src.text.size() > kMaxSourceBytes) {
        diags.error(path, 0, 0, "file-too-large",
                    "the text of this file comes to " + std::to_string(src.text.size() / (1024 * 1024)) +
                        " MB, more than the " + std::to_string(kMaxSourceBytes / (1024 * 1024)) +
                        " MB easyread reads in one go (that is hundreds of pages)",
                    "Split it into smaller documents, one for each part, and make each into easy read.");
        return false;
    }
    if (!check_source_bytes(path, src.text, checks)) {
        for (auto d : checks.items()) {
            d.line = 0;
            d.column = 0;
            diags.add(d);
        }
        return false;
    }
    return true;
}

bool load_document_source(const std::string& path, SourceText& src, Diagnostics& diags) {
    if (!is_office_file(path)) return load_source(path, src, diags);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(path, 0, 0, "cannot-read", "cannot open the file", "Check the name and that you may read it.");
        return false;
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg()));
    in.seekg(0);
    if (size > kMaxPackageBytes) {
        diags.error(path, 0, 0, "file-too-large",
                    "the file is " + std::to_string(size / (1024 * 1024)) + " MB; the limit is " +
                        std::to_string(kMaxPackageBytes / (1024 * 1024)) + " MB",
                    "Take the pictures out of the document, or split it into smaller files.");
        return false;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        diags.error(path, 0, 0, "cannot-read", "the file could not be read", "Check the disk and try again.");
        return false;
    }
    return office_source_from_bytes(path, bytes, src, diags);
}

int paragraph_of(const SourceText& src, int line) {
    const auto& map = src.paragraph_of_line;
    if (map.empty() || line <= 0) return 0;
    std::size_t i = std::min(static_cast<std::size_t>(line - 1), map.size() - 1);
    // Blank lines between blocks belong to the paragraph above.
    while (i > 0 && map[i] == 0) --i;
    return map[i];
}

std::string name_paragraphs(const std::string& draft, const SourceText& src) {
    // Every place the draft names a source line: its blocks, its TODOs and its facts list.
    static const std::pair<std::string, std::string> kMarks[] = {
        {"<!-- from line ", "<!-- from para "}, {"<!-- TODO (line ", "<!-- TODO (para "}, {"(source line ", "(source para "}};
    std::string out;
    std::size_t at = 0;
    for (;;) {
        std::size_t p = std::string::npos;
        const std::pair<std::string, std::string>* mark = nullptr;
        for (const auto& m : kMarks)
            if (std::size_t q = draft.find(m.first, at); q < p) p = q, mark = &m;
        if (!mark) break;
        std::size_t digits = p + mark->first.size(), end = digits;
        while (end < draft.size() && draft[end] >= '0' && draft[end] <= '9') ++end;
        out.append(draft, at, p - at);
        if (end == digits || end - digits > 9) {
            out += mark->first;
        } else {
            out += mark->second + std::to_string(paragraph_of(src, std::stoi(draft.substr(digits, end - digits))));
            digits = end;
        }
        at = digits;
    }
    out.append(draft, at, std::string::npos);
    return out;
}

void map_to_paragraphs(const SourceText& src, Diagnostics& diags) {
    if (src.paragraph_of_line.empty()) return;
    Diagnostics mapped;
    for (auto d : diags.items()) {
        if (d.file == src.path && d.line > 0 && d.line_label.empty()) {
            d.line = paragraph_of(src, d.line);
            d.column = 0;
            d.line_label = "para";
        }
        mapped.add(std::move(d));
    }
    diags = std::move(mapped);
}

}  // namespace easyread::office
