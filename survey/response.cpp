#include "survey/response.hpp"

#include <sodium.h>

#include <cstdio>

namespace easyread::survey {

namespace {
const char* const kRespondentValues[] = {"self", "carer", "helper", "staff", "not-said"};

std::string format_uuid(unsigned char b[16], unsigned version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return out;
}
}  // namespace

const char* respondent_value(Respondent r) { return kRespondentValues[static_cast<int>(r)]; }

bool respondent_from_value(const std::string& value, Respondent& out) {
    for (int i = 0; i < 5; ++i) {
        if (value == kRespondentValues[i]) {
            out = static_cast<Respondent>(i);
            return true;
        }
    }
    return false;
}

const Answer* Response::find(const std::string& question_id) const {
    for (const auto& a : answers)
        if (a.question_id == question_id) return &a;
    return nullptr;
}

std::string new_uuid() {
    if (sodium_init() < 0) return {};
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    return format_uuid(b, 4);
}

std::string uuid_from_name(const std::string& name) {
    if (sodium_init() < 0) return {};
    unsigned char b[16];
    crypto_generichash(b, sizeof b, reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr, 0);
    return format_uuid(b, 8);
}

bool looks_like_uuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool dash_place = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_place ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

}  // namespace easyread::survey
