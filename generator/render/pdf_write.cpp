#include "generator/render/pdf_write.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace easyread {

namespace {

constexpr int kPerObjectStream = 100;

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

// The bytes an unsigned number needs (at least one).
int width_of(std::uint64_t n) {
    int w = 1;
    while (n >> (8 * w)) ++w;
    return w;
}

}  // namespace

void write_pdf(pdf::Objects& pdf, std::FILE* out) {
    std::string version = pdf.version;
    if (version < "1.5") version = "1.5";  // object streams
    std::string file = "%PDF-" + version + "\n%\xBF\xF7\xA2\xFE\n";

    // The objects the file needs, reached from the trailer in the order its
    // references are written (which keeps a page's objects together and
    // compresses well). Streams, and anything of a later generation, stand
    // on their own; the rest is packed below.
    std::map<int, Entry> entries;
    std::vector<std::pair<int, std::string>> packed;  // number, text
    std::vector<bool> seen(pdf.objects.size(), false);
    int size = 1;
    std::string trailer_keys = " /Root " + std::string(pdf::trim(pdf::dict_get(pdf.trailer, "/Root")));
    if (pdf::ref_number(pdf::dict_get(pdf.trailer, "/Info")) > 0)
        trailer_keys += " /Info " + std::string(pdf::trim(pdf::dict_get(pdf.trailer, "/Info")));
    std::vector<int> todo;
    auto follow = [&](std::string_view text) {
        const std::vector<pdf::Reference> refs = pdf::references(text);
        for (auto r = refs.rbegin(); r != refs.rend(); ++r) todo.push_back(r->number);
    };
    follow(trailer_keys);
    while (!todo.empty()) {
        const int id = todo.back();
        todo.pop_back();
        if (static_cast<std::size_t>(id) >= pdf.objects.size() || seen[id] || !pdf.objects[id].present) continue;
        seen[id] = true;
        pdf::Object& o = pdf.objects[id];
        size = std::max(size, id + 1);
        const std::string gen = std::to_string(o.generation);
        if (pdf::has_repeated_keys(o.text)) o.text = pdf::without_repeated_keys(o.text);
        if (o.stream) {
            std::string dict = o.text;
            // Compressed as they come, but for the XMP metadata, which stays
            // readable as PDF/A asks.
            if (pdf::dict_get(dict, "/Filter").empty() && !pdf::is_name(pdf::dict_get(dict, "/Type"), "/Metadata")) {
                o.data = pdf::deflate(o.data);
                dict = pdf::dict_remove(pdf::dict_set(dict, "/Filter", "/FlateDecode"), "/DecodeParms");
            }
            dict = pdf::dict_set(dict, "/Length", std::to_string(o.data.size()));
            entries[id] = {1, file.size(), o.generation};
            file += std::to_string(id) + " " + gen + " obj\n" + dict + "\nstream\n" + o.data + "\nendstream\nendobj\n";
            follow(dict);
        } else {
            if (o.generation == 0) {
                packed.emplace_back(id, o.text);
            } else {
                entries[id] = {1, file.size(), o.generation};
                file += std::to_string(id) + " " + gen + " obj\n" + o.text + "\nendobj\n";
            }
            follow(o.text);
        }
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
        const std::string data = pdf::deflate(offsets + bodies);
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
    const std::string xref = pdf::deflate(rows);
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
