#include "generator/render/pdf_write.hpp"

// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace easyread {

namespace {

constexpr int kPerObjectStream = 100;

std::string deflate(const std::string& bytes) {
    Pl_Buffer buffer("pdf stream");
    Pl_Flate pipe("pdf stream", &buffer, Pl_Flate::a_deflate);
    pipe.write(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    pipe.finish();
    std::unique_ptr<Buffer> b(buffer.getBuffer());
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// Where the cross-reference stream says an object is.
struct Entry {
    int type = 0;            // 0 free, 1 at an offset, 2 in an object stream
    std::uint64_t field = 0;  // the offset, or the object stream's number
    int index = 0;            // the generation, or the place in the object stream
};

// A file identifier from the file's bytes (two FNV-1a hashes): the same
// bytes give the same identifier.
std::string file_id(const std::string& bytes) {
    std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    for (unsigned char c : bytes) {
        a = (a ^ c) * 0x100000001b3ULL;
        b = (b ^ c) * 0x100000001b3ULL + 1;
    }
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return hex;
}

// The objects "N G R" in an object's text refers to, in the order written
// (strings and names skipped, so "(1 0 R)" and "/F1 0 R" are not taken).
std::vector<QPDFObjGen> references(const std::string& text) {
    std::vector<QPDFObjGen> out;
    const std::size_t n = text.size();
    auto regular = [&](std::size_t i) {
        const char c = text[i];
        return !(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0' || c == '(' || c == ')' ||
                 c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%');
    };
    auto digits = [&](std::size_t& i, long long& value) {
        const std::size_t start = i;
        value = 0;
        while (i < n && text[i] >= '0' && text[i] <= '9') value = value * 10 + (text[i++] - '0');
        return i > start;
    };
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '(') {
            int depth = 0;
            for (; i < n; ++i) {
                if (text[i] == '\\') ++i;
                else if (text[i] == '(') ++depth;
                else if (text[i] == ')' && --depth == 0) break;
            }
            ++i;
        } else if (c == '<' && i + 1 < n && text[i + 1] == '<') {
            i += 2;  // a dictionary
        } else if (c == '<') {
            while (i < n && text[i] != '>') ++i;
            ++i;
        } else if (c == '/' || (regular(i) && (c < '0' || c > '9'))) {
            ++i;
            while (i < n && regular(i)) ++i;
        } else if (c >= '0' && c <= '9') {
            long long id = 0, gen = 0;
            digits(i, id);
            if (i < n && regular(i)) {  // a real number or the like
                while (i < n && regular(i)) ++i;
                continue;
            }
            std::size_t j = i;
            if (j < n && text[j] == ' ' && digits(++j, gen) && j + 1 < n && text[j] == ' ' && text[j + 1] == 'R' &&
                (j + 2 == n || !regular(j + 2))) {
                out.emplace_back(static_cast<int>(id), static_cast<int>(gen));
                i = j + 2;
            }
        } else {
            ++i;
        }
    }
    return out;
}

// The bytes an unsigned number needs (at least one).
int width_of(std::uint64_t n) {
    int w = 1;
    while (n >> (8 * w)) ++w;
    return w;
}

}  // namespace

void write_pdf(QPDF& pdf, std::FILE* out) {
    std::string version = pdf.getPDFVersion();
    if (version < "1.5") version = "1.5";  // object streams
    std::string file = "%PDF-" + version + "\n%\xBF\xF7\xA2\xFE\n";

    // The objects the file needs, reached from the trailer in the order its
    // references are written (which keeps a page's objects together and
    // compresses well). Streams, and anything of a later generation, stand
    // on their own; the rest is packed below.
    std::map<int, Entry> entries;
    std::vector<std::pair<int, std::string>> packed;  // number, text
    std::set<QPDFObjGen> seen;
    int size = 1;
    QPDFObjectHandle trailer = pdf.getTrailer();
    std::string trailer_keys = " /Root " + trailer.getKey("/Root").unparse();
    if (trailer.getKey("/Info").isIndirect()) trailer_keys += " /Info " + trailer.getKey("/Info").unparse();
    std::vector<QPDFObjGen> todo = references(trailer_keys);
    std::reverse(todo.begin(), todo.end());
    while (!todo.empty()) {
        const QPDFObjGen og = todo.back();
        todo.pop_back();
        if (!seen.insert(og).second) continue;
        QPDFObjectHandle o = pdf.getObject(og);
        const int id = og.getObj();
        size = std::max(size, id + 1);
        std::string text;
        if (o.isStream()) {
            std::shared_ptr<Buffer> raw = o.getRawStreamData();
            std::string data(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
            QPDFObjectHandle dict = o.getDict().shallowCopy();
            // Compressed as they come, but for a form made from a page (plain)
            // and the XMP metadata, which stays readable as PDF/A asks.
            if (!dict.hasKey("/Filter") && !dict.getKey("/Type").isNameAndEquals("/Metadata")) {
                data = deflate(data);
                dict.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
                dict.removeKey("/DecodeParms");
            }
            dict.replaceKey("/Length", QPDFObjectHandle::newInteger(static_cast<long long>(data.size())));
            text = dict.unparseResolved();
            entries[id] = {1, file.size(), og.getGen()};
            file += std::to_string(id) + " " + std::to_string(og.getGen()) + " obj\n" + text + "\nstream\n" + data +
                    "\nendstream\nendobj\n";
        } else {
            text = o.unparseResolved();
            if (og.getGen() == 0) {
                packed.emplace_back(id, text);
            } else {
                entries[id] = {1, file.size(), og.getGen()};
                file += std::to_string(id) + " " + std::to_string(og.getGen()) + " obj\n" + text + "\nendobj\n";
            }
        }
        std::vector<QPDFObjGen> refs = references(text);
        todo.insert(todo.end(), refs.rbegin(), refs.rend());
    }

    // The rest, kPerObjectStream to a compressed object stream.
    for (std::size_t first = 0; first < packed.size(); first += kPerObjectStream) {
        const std::size_t end = std::min(packed.size(), first + kPerObjectStream);
        const int stream_id = size++;
        std::string offsets, bodies;
        for (std::size_t i = first; i < end; ++i) {
            const int id = packed[i].first;
            offsets += std::to_string(id) + " " + std::to_string(bodies.size()) + " ";
            bodies += packed[i].second + "\n";
            entries[id] = {2, static_cast<std::uint64_t>(stream_id), static_cast<int>(i - first)};
        }
        offsets += "\n";
        const std::string data = deflate(offsets + bodies);
        entries[stream_id] = {1, file.size(), 0};
        file += std::to_string(stream_id) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(end - first) +
                " /First " + std::to_string(offsets.size()) + " /Filter /FlateDecode /Length " +
                std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream\nendobj\n";
    }

    // The cross-reference stream, with what a trailer says.
    const int xref_id = size++;
    entries[xref_id] = {1, file.size(), 0};
    // Rows of W bytes, each row after the first given as its difference from
    // the one above (PNG "Up", predictor 12): most columns repeat, so the
    // table compresses to almost nothing.
    std::uint64_t largest = 0;
    for (const auto& [id, e] : entries) largest = std::max(largest, e.field);
    const int w1 = 1, w2 = width_of(largest), w3 = 2, row_size = w1 + w2 + w3;
    std::string rows, previous(static_cast<std::size_t>(row_size), '\0');
    for (int id = 0; id < size; ++id) {
        auto it = entries.find(id);
        Entry e = it == entries.end() ? Entry{} : it->second;
        if (id == 0) e = {0, 0, 0xFFFF};
        std::string row;
        row += static_cast<char>(e.type);
        for (int shift = 8 * (w2 - 1); shift >= 0; shift -= 8) row += static_cast<char>((e.field >> shift) & 0xFF);
        row += static_cast<char>((e.index >> 8) & 0xFF);
        row += static_cast<char>(e.index & 0xFF);
        rows += '\x02';
        for (int i = 0; i < row_size; ++i) rows += static_cast<char>(row[i] - previous[i]);
        previous = row;
    }
    const std::string xref = deflate(rows);
    const std::string id = "<" + file_id(file) + ">";
    file += std::to_string(xref_id) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(size) + " /W [ " +
            std::to_string(w1) + " " + std::to_string(w2) + " " + std::to_string(w3) + " ]" + trailer_keys;
    file += " /ID [ " + id + " " + id + " ] /Filter /FlateDecode /DecodeParms << /Columns " +
            std::to_string(row_size) + " /Predictor 12 >> /Length " + std::to_string(xref.size()) +
            " >>\nstream\n" + xref + "\nendstream\nendobj\nstartxref\n" + std::to_string(entries[xref_id].field) +
            "\n%%EOF\n";
    std::fwrite(file.data(), 1, file.size(), out);  // a short write shows in ferror(out)
}

}  // namespace easyread
