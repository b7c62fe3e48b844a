#include "base/source_text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

namespace easyread {

std::size_t find_invalid_utf8(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned min;
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; c &= 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            c = (c << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
        i += len;
    }
    return std::string::npos;
}

std::size_t find_line_break(const std::string& text, std::size_t from) {
    return text.find_first_of("\r\n", from);
}

std::size_t after_line_break(const std::string& text, std::size_t at) {
    return text.compare(at, 2, "\r\n") == 0 ? at + 2 : at + 1;
}

void line_column_of(const std::string& text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) { ++line; column = 1; }
        else if (c != '\r' && (c & 0xC0) != 0x80) ++column;
    }
}

bool check_source_bytes(const std::string& path, const std::string& bytes, Diagnostics& diags) {
    if (bytes.size() > kMaxSourceBytes) {
        diags.error(path, 0, 0, "file-too-large",
                    "the file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                        " MB; the limit is " + std::to_string(kMaxSourceBytes / (1024 * 1024)) + " MB",
                    "An easy read document should be 24 pages or fewer: split the text into several files.");
        return false;
    }
    std::size_t nul = bytes.find('\0');
    if (nul != std::string::npos) {
        int line, col;
        line_column_of(bytes, nul, line, col);
        diags.error(path, line, col, "binary-file", "this looks like a binary file, not Markdown text",
                    "Give a .md file saved as plain text (UTF-8).");
        return false;
    }
    std::size_t bad = find_invalid_utf8(bytes);
    if (bad != std::string::npos) {
        int line, col;
        line_column_of(bytes, bad, line, col);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
        diags.error(path, line, col, "invalid-utf8", std::string("invalid UTF-8 byte ") + hex,
                    "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).");
        return false;
    }
    return true;
}

static std::string normalise_newlines(const std::string& in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '\r') {
            out += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else {
            out += in[i];
        }
    }
    return out;
}

bool load_source(const std::string& path, SourceText& out, Diagnostics& diags) {
    std::string bytes;
    if (path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            diags.error(path, 0, 0, "cannot-read", std::string("cannot open the file: ") + std::strerror(errno),
                        "Check the file name and that you may read it.");
            return false;
        }
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
            bytes.append(buf, n);
            if (bytes.size() > kMaxSourceBytes) break;  // no need to read a huge file to refuse it
        }
        bool read_error = std::ferror(f) != 0;
        std::fclose(f);
        if (read_error) {
            diags.error(path, 0, 0, "cannot-read", "the file could not be read (is it a folder?)",
                        "Give the path of a Markdown file.");
            return false;
        }
    }
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);  // BOM
    if (!check_source_bytes(path, bytes, diags)) return false;
    out.path = path;
    out.text = normalise_newlines(bytes);
    return true;
}

}  // namespace easyread
