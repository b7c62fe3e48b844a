#include "generator/render/pdf_objects.hpp"

#include <zlib.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

#include "base/text_util.hpp"

namespace easyread::pdf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_space(std::string_view t, std::size_t i) {
    while (i < t.size()) {
        if (is_space(t[i])) {
            ++i;
        } else if (t[i] == '%') {
            while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
        } else {
            break;
        }
    }
    return i;
}

std::size_t regular_end(std::string_view t, std::size_t i) {
    while (i < t.size() && !is_space(t[i]) && !is_delimiter(t[i])) ++i;
    return i;
}

std::size_t string_end(std::string_view t, std::size_t i) {  // i at "("
    int depth = 0;
    for (; i < t.size(); ++i) {
        if (t[i] == '\\') ++i;
        else if (t[i] == '(') ++depth;
        else if (t[i] == ')' && --depth == 0) return i + 1;
    }
    throw std::runtime_error("a string does not end");
}

bool all_digits(std::string_view t, std::size_t a, std::size_t b) {
    if (a >= b) return false;
    for (std::size_t i = a; i < b; ++i)
        if (!is_digit(t[i])) return false;
    return true;
}

// "N G R" at i (i at N, which ends at e): the end of the R, or 0.
std::size_t reference_end(std::string_view t, std::size_t i, std::size_t e) {
    if (!all_digits(t, i, e)) return 0;
    std::size_t j = e;
    if (j >= t.size() || !is_space(t[j])) return 0;
    while (j < t.size() && is_space(t[j])) ++j;
    const std::size_t g = regular_end(t, j);
    if (!all_digits(t, j, g) || g >= t.size() || !is_space(t[g])) return 0;
    j = g;
    while (j < t.size() && is_space(t[j])) ++j;
    if (j < t.size() && t[j] == 'R' && (j + 1 == t.size() || is_space(t[j + 1]) || is_delimiter(t[j + 1])))
        return j + 1;
    return 0;
}

std::size_t value_end_at(std::string_view t, std::size_t i, int depth) {
    if (depth > 100) throw std::runtime_error("values nested too deep");
    i = skip_space(t, i);
    if (i >= t.size()) throw std::runtime_error("a value is missing");
    const char c = t[i];
    if (c == '<' && i + 1 < t.size() && t[i + 1] == '<') {
        i += 2;
        for (;;) {
            i = skip_space(t, i);
            if (i + 1 < t.size() && t[i] == '>' && t[i + 1] == '>') return i + 2;
            if (i >= t.size() || t[i] != '/') throw std::runtime_error("a dictionary key is not a name");
            i = value_end_at(t, regular_end(t, i + 1), depth + 1);
        }
    }
    if (c == '<') {
        const std::size_t e = t.find('>', i);
        if (e == std::string_view::npos) throw std::runtime_error("a hex string does not end");
        return e + 1;
    }
    if (c == '[') {
        ++i;
        for (;;) {
            i = skip_space(t, i);
            if (i < t.size() && t[i] == ']') return i + 1;
            i = value_end_at(t, i, depth + 1);
        }
    }
    if (c == '(') return string_end(t, i);
    if (c == '/') return regular_end(t, i + 1);
    const std::size_t e = regular_end(t, i);
    if (e == i) throw std::runtime_error(std::string("unexpected '") + c + "' in a value");
    if (const std::size_t r = reference_end(t, i, e)) return r;
    return e;
}

long long parse_integer(std::string_view t, std::size_t& i) {
    i = skip_space(t, i);
    const std::size_t e = regular_end(t, i);
    if (!all_digits(t, i, e)) throw std::runtime_error("a number is missing in the cross-reference table");
    long long v = 0;
    for (std::size_t k = i; k < e; ++k) v = v * 10 + (t[k] - '0');
    i = e;
    return v;
}

// The code points of UTF-8 text; a byte that is not part of valid UTF-8
// stands for itself (as Latin-1).
std::vector<std::uint32_t> code_points(const std::string& s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
        if (c >= 0xF8) extra = 0;
        std::uint32_t cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
        bool ok = extra > 0 && i + extra < s.size();
        for (int k = 1; ok && k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (d & 0x3F);
        }
        if (extra > 0 && ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp < 0xE000)) {
            out.push_back(cp);
            i += extra + 1;
        } else {
            out.push_back(c);
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string inflate(std::string_view bytes) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) throw std::runtime_error("zlib cannot start");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buffer[65536];
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        status = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
        if (status == Z_BUF_ERROR && z.avail_in == 0) break;  // the data ends early: keep what there is
    }
    inflateEnd(&z);
    if (status != Z_STREAM_END && status != Z_BUF_ERROR) throw std::runtime_error("a stream is not Flate data");
    return out;
}

// The fastest level: the file comes out about a tenth larger than at zlib's
// default, and compressing took 21 ms of a 114-page build instead of 7 ms.
std::string deflate(std::string_view bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                  static_cast<uLong>(bytes.size()), Z_BEST_SPEED) != Z_OK)
        throw std::runtime_error("zlib cannot compress");
    out.resize(size);
    return out;
}

std::size_t value_end(std::string_view text, std::size_t i) { return value_end_at(text, i, 0); }

std::string_view trim(std::string_view v) {
    std::size_t a = skip_space(v, 0), b = v.size();
    while (b > a && is_space(v[b - 1])) --b;
    return v.substr(a, b - a);
}

std::vector<std::pair<std::string_view, std::string_view>> dict_entries(std::string_view dict) {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    std::size_t i = skip_space(dict, 0);
    if (i + 1 >= dict.size() || dict[i] != '<' || dict[i + 1] != '<') return out;
    i += 2;
    for (;;) {
        i = skip_space(dict, i);
        if (i + 1 < dict.size() && dict[i] == '>' && dict[i + 1] == '>') return out;
        if (i >= dict.size() || dict[i] != '/') throw std::runtime_error("a dictionary key is not a name");
        const std::size_t key_end = regular_end(dict, i + 1);
        const std::size_t v = skip_space(dict, key_end);
        const std::size_t e = value_end(dict, v);
        out.emplace_back(dict.substr(i, key_end - i), dict.substr(v, e - v));
        i = e;
    }
}

std::string_view dict_get(std::string_view dict, std::string_view key) {
    for (const auto& [k, v] : dict_entries(dict))
        if (k == key) return v;
    return {};
}

std::string dict_set(std::string_view dict, std::string_view key, std::string_view value) {
    std::string out = "<<";
    bool done = false;
    for (const auto& [k, v] : dict_entries(dict)) {
        out += ' ';
        out += k;
        out += ' ';
        if (k == key) {
            out += value;
            done = true;
        } else {
            out += v;
        }
    }
    if (!done) {
        out += ' ';
        out += key;
        out += ' ';
        out += value;
    }
    out += " >>";
    return out;
}

std::string dict_remove(std::string_view dict, std::string_view key) {
    std::string out = "<<";
    for (const auto& [k, v] : dict_entries(dict)) {
        if (k == key) continue;
        out += ' ';
        out += k;
        out += ' ';
        out += v;
    }
    out += " >>";
    return out;
}

std::vector<std::string_view> array_items(std::string_view array) {
    std::vector<std::string_view> out;
    std::size_t i = skip_space(array, 0);
    if (i >= array.size() || array[i] != '[') return out;
    ++i;
    for (;;) {
        i = skip_space(array, i);
        if (i >= array.size()) throw std::runtime_error("an array does not end");
        if (array[i] == ']') return out;
        const std::size_t e = value_end(array, i);
        out.push_back(array.substr(i, e - i));
        i = e;
    }
}

bool has_repeated_keys(std::string_view value) {
    value = trim(value);
    if (value.size() < 2) return false;
    if (value[0] == '<' && value[1] == '<') {
        const auto entries = dict_entries(value);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j)
                if (entries[j].first == entries[i].first) return true;
            if (has_repeated_keys(entries[i].second)) return true;
        }
        return false;
    }
    if (value[0] == '[')
        for (std::string_view item : array_items(value))
            if (has_repeated_keys(item)) return true;
    return false;
}

std::string without_repeated_keys(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && value[0] == '<' && value[1] == '<') {
        const auto entries = dict_entries(value);
        std::string out = "<<";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            bool earlier = false;
            for (std::size_t j = 0; j < i && !earlier; ++j) earlier = entries[j].first == entries[i].first;
            if (earlier) continue;
            std::string_view last = entries[i].second;
            for (std::size_t j = i + 1; j < entries.size(); ++j)
                if (entries[j].first == entries[i].first) last = entries[j].second;
            out += ' ';
            out += entries[i].first;
            out += ' ';
            out += without_repeated_keys(last);
        }
        return out + " >>";
    }
    if (!value.empty() && value[0] == '[') {
        std::string out = "[";
        for (std::string_view item : array_items(value)) out += " " + without_repeated_keys(item);
        return out + " ]";
    }
    return std::string(value);
}

int ref_number(std::string_view value) {
    value = trim(value);
    const std::size_t e = regular_end(value, 0);
    if (reference_end(value, 0, e) != value.size() || value.empty()) return -1;
    long long n = 0;
    for (std::size_t k = 0; k < e; ++k) n = n * 10 + (value[k] - '0');
    return n > 0 && n < (1LL << 30) ? static_cast<int>(n) : -1;
}

std::string ref(int number) { return std::to_string(number) + " 0 R"; }

bool is_name(std::string_view value, std::string_view name) { return trim(value) == name; }

bool int_value(std::string_view value, long long& out) {
    value = trim(value);
    std::size_t i = 0;
    bool negative = false;
    if (i < value.size() && (value[i] == '-' || value[i] == '+')) negative = value[i++] == '-';
    if (!all_digits(value, i, value.size())) return false;
    out = 0;
    for (; i < value.size(); ++i) out = out * 10 + (value[i] - '0');
    if (negative) out = -out;
    return true;
}

std::string string_bytes(std::string_view value) {
    value = trim(value);
    std::string out;
    if (value.size() >= 2 && value.front() == '<') {
        int high = -1;
        for (char c : value.substr(1, value.size() - 2)) {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) continue;
            if (high < 0) {
                high = d;
            } else {
                out += static_cast<char>(high * 16 + d);
                high = -1;
            }
        }
        if (high >= 0) out += static_cast<char>(high * 16);
        return out;
    }
    if (value.size() < 2 || value.front() != '(') return out;
    const std::string_view s = value.substr(1, value.size() - 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\r') {  // an end of line in a string is one newline
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += '\n';
            continue;
        }
        if (c != '\\' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        c = s[++i];
        switch (c) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case '\r':
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            break;
        case '\n': break;
        default:
            if (c >= '0' && c <= '7') {
                int v = 0, k = 0;
                for (; k < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k, ++i) v = v * 8 + (s[i] - '0');
                --i;
                out += static_cast<char>(v & 0xFF);
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string text_to_utf8(std::string_view value) {
    const std::string b = string_bytes(value);
    if (b.size() < 2 || static_cast<unsigned char>(b[0]) != 0xFE || static_cast<unsigned char>(b[1]) != 0xFF) return b;
    std::string out;
    for (std::size_t i = 2; i + 1 < b.size(); i += 2) {
        std::uint32_t u = (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
            const std::uint32_t lo = (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
            if (lo >= 0xDC00 && lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        append_utf8(out, u);
    }
    return out;
}

std::string text_string(const std::string& utf8) {
    bool plain = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) plain = false;
    if (plain) {
        std::string out = "(";
        for (char c : utf8) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
        return out + ")";
    }
    // UTF-16BE with its byte order mark, as hex.
    static const char* digits = "0123456789ABCDEF";
    std::string out = "<FEFF";
    auto unit = [&](std::uint32_t u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += digits[(u >> shift) & 0xF];
    };
    for (std::uint32_t cp : code_points(utf8)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out + ">";
}

std::vector<Reference> references(std::string_view text) {
    std::vector<Reference> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '(') {
            i = string_end(text, i);
        } else if (c == '%') {
            while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
        } else if (c == '<' && i + 1 < n && text[i + 1] == '<') {
            i += 2;
        } else if (c == '<') {
            while (i < n && text[i] != '>') ++i;
            ++i;
        } else if (c == '/') {
            i = regular_end(text, i + 1);
        } else if (is_space(c) || is_delimiter(c)) {
            ++i;
        } else {
            const std::size_t e = regular_end(text, i);
            if (const std::size_t r = reference_end(text, i, e)) {
                long long id = 0;
                for (std::size_t k = i; k < e; ++k) id = id * 10 + (text[k] - '0');
                if (id > 0 && id < (1LL << 30)) out.push_back({static_cast<int>(id), i, r});
                i = r;
            } else {
                i = e;
            }
        }
    }
    return out;
}

std::string renumbered(std::string_view text, int offset) {
    std::string out;
    std::size_t at = 0;
    for (const Reference& r : references(text)) {
        out.append(text, at, r.begin - at);
        out += ref(r.number + offset);
        at = r.end;
    }
    out.append(text, at, std::string_view::npos);
    return out;
}

Objects::Objects(std::string_view f) {
    if (f.substr(0, 5) != "%PDF-") throw std::runtime_error("not a PDF");
    version = std::string(f.substr(5, regular_end(f, 5) - 5));
    const std::size_t sx = f.rfind("startxref");
    if (sx == std::string_view::npos) throw std::runtime_error("no startxref");
    std::size_t i = sx + 9;
    i = static_cast<std::size_t>(parse_integer(f, i));
    i = skip_space(f, i);
    if (f.substr(i, 4) != "xref") throw std::runtime_error("no cross-reference table");
    i += 4;
    std::vector<std::size_t> offsets;  // by number; 0: not in use
    std::vector<int> generations;
    for (;;) {
        i = skip_space(f, i);
        if (f.substr(i, 7) == "trailer") break;
        const long long first = parse_integer(f, i), count = parse_integer(f, i);
        if (first < 0 || count < 0 || first + count > (1LL << 24)) throw std::runtime_error("a bad cross-reference table");
        if (offsets.size() < static_cast<std::size_t>(first + count)) {
            offsets.resize(static_cast<std::size_t>(first + count), 0);
            generations.resize(offsets.size(), 0);
        }
        for (long long k = 0; k < count; ++k) {
            const long long offset = parse_integer(f, i), gen = parse_integer(f, i);
            i = skip_space(f, i);
            if (i >= f.size()) throw std::runtime_error("the cross-reference table ends early");
            const char kind = f[i++];
            if (kind == 'n' && offset > 0 && static_cast<std::size_t>(offset) < f.size()) {
                offsets[static_cast<std::size_t>(first + k)] = static_cast<std::size_t>(offset);
                generations[static_cast<std::size_t>(first + k)] = static_cast<int>(gen);
            }
        }
    }
    i += 7;
    const std::size_t t = skip_space(f, i);
    trailer = std::string(f.substr(t, value_end(f, t) - t));
    if (!dict_get(trailer, "/Prev").empty()) throw std::runtime_error("an updated PDF");

    // The text of object n, and where what follows it starts.
    auto object_at = [&](std::size_t n, std::size_t& after) {
        std::size_t p = offsets[n];
        const long long number = parse_integer(f, p);
        parse_integer(f, p);
        p = skip_space(f, p);
        if (number != static_cast<long long>(n) || f.substr(p, 3) != "obj") throw std::runtime_error("an object is not where the table says");
        p = skip_space(f, p + 3);
        after = value_end(f, p);
        return f.substr(p, after - p);
    };
    objects.resize(offsets.size());
    for (std::size_t n = 1; n < offsets.size(); ++n) {
        if (!offsets[n]) continue;
        Object& o = objects[n];
        std::size_t after = 0;
        o.text = std::string(object_at(n, after));
        o.present = true;
        o.generation = generations[n];
        std::size_t p = skip_space(f, after);
        if (f.substr(p, 6) != "stream") continue;
        p += 6;
        if (p < f.size() && f[p] == '\r') ++p;
        if (p < f.size() && f[p] == '\n') ++p;
        std::string_view length = dict_get(o.text, "/Length");
        const int length_ref = ref_number(length);
        if (length_ref > 0 && static_cast<std::size_t>(length_ref) < offsets.size() && offsets[length_ref]) {
            std::size_t ignored = 0;
            length = object_at(static_cast<std::size_t>(length_ref), ignored);
        }
        long long size = -1;
        if (!int_value(length, size) || size < 0 || p + static_cast<std::size_t>(size) > f.size() ||
            f.substr(skip_space(f, p + static_cast<std::size_t>(size)), 9) != "endstream") {
            // A wrong length: the data runs to the end of line before "endstream".
            const std::size_t e = f.find("endstream", p);
            if (e == std::string_view::npos) throw std::runtime_error("a stream does not end");
            std::size_t end = e;
            if (end > p && f[end - 1] == '\n') --end;
            if (end > p && f[end - 1] == '\r') --end;
            size = static_cast<long long>(end - p);
        }
        o.stream = true;
        o.data = std::string(f.substr(p, static_cast<std::size_t>(size)));
    }
}

const Object* Objects::resolve(std::string_view value) const {
    const int n = ref_number(value);
    if (n <= 0 || static_cast<std::size_t>(n) >= objects.size() || !objects[n].present) return nullptr;
    return &objects[n];
}

Object* Objects::resolve(std::string_view value) {
    return const_cast<Object*>(static_cast<const Objects&>(*this).resolve(value));
}

std::string_view Objects::direct(std::string_view value) const {
    if (const Object* o = resolve(value)) return o->text;
    return trim(value);
}

int Objects::add(Object o) {
    o.present = true;
    objects.push_back(std::move(o));
    return static_cast<int>(objects.size() - 1);
}

}  // namespace easyread::pdf
