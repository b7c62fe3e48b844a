// The recovery file: responses the database could not take, one JSON object
// per line, appended and fsync'ed. JSON is written and read with SQLite's
// json functions (an in-memory database), so no second parser is needed.
//
// A line: {"uuid":"...","survey_id":"...","survey_version":2,"survey_hash":"...",
//          "document":"","event":"...","device_id":"...","respondent":"self",
//          "started_at":"...","finished_at":"...","source":"kiosk",
//          "answers":[{"q":"meeting","v":"happy"},...]}
#pragma once
#include <string>
#include <vector>

#include "survey/response.hpp"

namespace easyread::survey {

std::string response_to_json(const Response& response);
// False when the line is not a response (half-written line after a power cut).
bool response_from_json(const std::string& line, Response& out);

// Appends one line and fsyncs; false with `error` when the file cannot be written.
bool append_recovery(const std::string& path, const Response& response, std::string& error);

struct RecoveryContents {
    std::vector<Response> responses;
    std::vector<std::string> unreadable_lines;  // kept, never thrown away
};
RecoveryContents read_recovery(const std::string& path);

// Replaces the file with just `keep_lines` (atomically), or removes it when empty.
bool rewrite_recovery(const std::string& path, const std::vector<std::string>& keep_lines,
                      std::string& error);

}  // namespace easyread::survey
