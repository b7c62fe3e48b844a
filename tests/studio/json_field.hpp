// The value of `name` in a JSON answer of the studio (a string value), or
// empty: the tests and the load tool read a field or two, nothing more.
#pragma once
#include <string>

inline std::string json_string(const std::string& json, const std::string& name) {
    const std::string key = "\"" + name + "\":\"";
    auto at = json.find(key);
    if (at == std::string::npos) return {};
    at += key.size();
    return json.substr(at, json.find('"', at) - at);
}
