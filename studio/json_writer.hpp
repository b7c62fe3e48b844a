// A small JSON writer for the studio's answers: objects and arrays built in
// order, strings escaped by base's json_escape. Nothing in the studio reads
// JSON: requests carry their values in the query and the raw body.
#pragma once
#include <string>

namespace easyread::studio {

class Json {
public:
    Json& begin_object();
    Json& end_object();
    Json& begin_array();
    Json& end_array();
    Json& key(const std::string& k);
    Json& value(const std::string& s);
    Json& value(const char* s) { return value(std::string(s)); }
    Json& value(long long n);
    Json& value(int n) { return value(static_cast<long long>(n)); }
    Json& value(std::size_t n) { return value(static_cast<long long>(n)); }
    Json& value(double d);
    Json& value(bool b);
    Json& null();
    // Writes `raw`, already JSON, as one value.
    Json& raw(const std::string& raw);
    template <class T>
    Json& field(const std::string& k, const T& v) {
        key(k);
        return value(v);
    }
    const std::string& str() const { return out_; }

private:
    void comma();
    std::string out_;
    bool need_comma_ = false;
};

}  // namespace easyread::studio
