// The response fields in one fixed column order, shared by the store's
// queries and the recovery file's JSON reader.
#pragma once
#include "kiosk/core/response.hpp"
#include "kiosk/core/sqlite_statement.hpp"

namespace easyread::kiosk {

// uuid, survey_id, survey_version, survey_hash, document, event, device_id,
// respondent, started_at, finished_at, source: columns 0..10 of `row`.
inline Response response_from_columns(const Statement& row) {
    Response r;
    r.uuid = row.text(0);
    r.survey_id = row.text(1);
    r.survey_version = static_cast<int>(row.integer(2));
    r.survey_hash = row.text(3);
    r.document = row.text(4);
    r.event = row.text(5);
    r.device_id = row.text(6);
    r.respondent = row.text(7);
    r.started_at = row.text(8);
    r.finished_at = row.text(9);
    r.source = row.text(10);
    return r;
}

}  // namespace easyread::kiosk
