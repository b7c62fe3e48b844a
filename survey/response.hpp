// One person's finished answers, as the store keeps them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace easyread::survey {

// Who is answering. Stored values: self, carer, helper, staff, not-said.
enum class Respondent { Self, Carer, Helper, Staff, NotSaid };

const char* respondent_value(Respondent r);
bool respondent_from_value(const std::string& value, Respondent& out);

struct Answer {
    std::string question_id;
    std::string value;  // see survey.hpp for the values of each question type
};

struct Response {
    std::string uuid;  // random version 4 UUID, lower-case; the unique key
    std::string survey_id;
    int survey_version = 0;
    std::string survey_hash;
    std::string document;  // Survey::document_label; empty for most surveys
    std::string event;     // the event name staff set ("Partnership Board, May")
    std::string device_id;
    std::string respondent = "not-said";  // respondent_value()
    std::string started_at;   // iso_utc(): when consent was given
    std::string finished_at;  // iso_utc(): when Thank you was reached
    std::string source = "kiosk";  // kiosk | paper | recovery (replayed from the recovery file)
    bool unfinished = false;       // left part-way (kept after "Are you still there?" ran out)
    std::string corrected_at;      // iso_utc() of a paper correction (import --replace); "" otherwise
    std::string local_date;        // "2024-05-09": the day it was given, where it was given
    std::string zone;              // the time zone there ("Europe/London")
    std::vector<Answer> answers;   // in survey order; unanswered questions are absent

    const Answer* find(const std::string& question_id) const;
};

// A new random version 4 UUID from libsodium's randombytes.
std::string new_uuid();
// The same UUID every time for the same words (BLAKE2b of `name`, laid out
// as a version 8 UUID): paper answers imported twice make one record.
std::string uuid_from_name(const std::string& name);
bool looks_like_uuid(const std::string& s);

}  // namespace easyread::survey
