// A PDF as cairo writes it (a classic cross-reference table, every object on
// its own, no object streams), held as the text of each object. The
// finishing pass reads and changes only a few dictionaries (the catalog,
// pages, links, structure elements), so parsing all of them into objects,
// as qpdf did, was most of its time; here a value is looked at only when a
// key of it is asked for, and the rest is copied through as it was written.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace easyread::pdf {

struct Object {
    bool present = false;
    bool stream = false;
    int generation = 0;
    std::string text;  // the value; a stream's dictionary
    std::string data;  // a stream's bytes as they are in the file (Length of them)
};

// Throws std::runtime_error when the file is not one it can read.
class Objects {
public:
    explicit Objects(std::string_view file);

    std::string version;  // "1.5"
    std::string trailer;  // the trailer dictionary
    std::vector<Object> objects;  // by object number

    // The object a value refers to ("12 0 R"), or null.
    Object* resolve(std::string_view value);
    const Object* resolve(std::string_view value) const;
    // A value with one level of reference followed: an object's text, or the value itself.
    std::string_view direct(std::string_view value) const;
    int add(Object o);  // its number
};

// Values in PDF syntax, as text.
std::size_t value_end(std::string_view text, std::size_t i);  // the end of the value starting at (or after space at) i
std::string_view trim(std::string_view value);
// A dictionary's keys (with their "/") and values, in order.
std::vector<std::pair<std::string_view, std::string_view>> dict_entries(std::string_view dict);
std::string_view dict_get(std::string_view dict, std::string_view key);  // empty when missing
std::string dict_set(std::string_view dict, std::string_view key, std::string_view value);
std::string dict_remove(std::string_view dict, std::string_view key);
std::vector<std::string_view> array_items(std::string_view array);
// cairo names a resource again for each use in some dictionaries; readers
// take the last, and checkers warn. The value with each key once (its last
// value, where it first stood), nested values too.
bool has_repeated_keys(std::string_view value);
std::string without_repeated_keys(std::string_view value);
int ref_number(std::string_view value);  // "N G R" -> N, else -1
std::string ref(int number);              // "N 0 R"
bool is_name(std::string_view value, std::string_view name);
bool int_value(std::string_view value, long long& out);
std::string string_bytes(std::string_view value);  // a literal or hex string's bytes
std::string text_to_utf8(std::string_view value);  // a text string (UTF-16BE with BOM, else bytes as they are)
std::string text_string(const std::string& utf8);   // a text string value for UTF-8 text

// The objects "N G R" in a value refers to, in the order written (strings
// and names skipped, so "(1 0 R)" and "/F1 0 R" are not taken), each with
// where its text starts and ends.
struct Reference {
    int number;
    std::size_t begin, end;
};
std::vector<Reference> references(std::string_view text);
// `text` with every reference's number plus `offset`.
std::string renumbered(std::string_view text, int offset);

std::string inflate(std::string_view bytes);
std::string deflate(std::string_view bytes);

}  // namespace easyread::pdf
