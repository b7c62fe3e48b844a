#include "studio/json_writer.hpp"

#include <cmath>
#include <cstdio>

#include "base/text_util.hpp"

namespace easyread::studio {

void Json::comma() {
    if (need_comma_) out_ += ',';
    need_comma_ = true;
}

Json& Json::begin_object() {
    comma();
    out_ += '{';
    need_comma_ = false;
    return *this;
}

Json& Json::end_object() {
    out_ += '}';
    need_comma_ = true;
    return *this;
}

Json& Json::begin_array() {
    comma();
    out_ += '[';
    need_comma_ = false;
    return *this;
}

Json& Json::end_array() {
    out_ += ']';
    need_comma_ = true;
    return *this;
}

Json& Json::key(const std::string& k) {
    comma();
    out_ += json_escape(k);
    out_ += ':';
    need_comma_ = false;
    return *this;
}

Json& Json::value(const std::string& s) {
    comma();
    out_ += json_escape(s);
    return *this;
}

Json& Json::value(long long n) {
    comma();
    out_ += std::to_string(n);
    return *this;
}

Json& Json::value(double d) {
    comma();
    if (!std::isfinite(d)) {
        out_ += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", d);
    out_ += buf;
    return *this;
}

Json& Json::value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
}

Json& Json::null() {
    comma();
    out_ += "null";
    return *this;
}

Json& Json::raw(const std::string& r) {
    comma();
    out_ += r;
    return *this;
}

}  // namespace easyread::studio
