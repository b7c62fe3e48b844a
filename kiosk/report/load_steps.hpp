// The steps of load_results, one file each: reading one answers file,
// finding the survey's text for every edition.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "answers_db.hpp"
#include "core/response.hpp"
#include "result_set.hpp"

namespace easyread::report {

// Responses already taken, so a response in two files counts once.
struct SeenResponses {
    std::unordered_map<std::string, std::uint32_t> index;  // uuid -> ResultSet::responses index
    std::map<std::tuple<int, std::string, std::string>, std::uint32_t> editions;  // (version, hash, document)
};

// Adds the chosen survey's responses and answers from `db` (one read
// transaction, so a kiosk still writing cannot give half a response).
bool read_answers_db(const AnswersDb& db, ResultSet& out, SeenResponses& seen, InputSummary& summary,
                     Diagnostics& diags);

// Adds responses held in a recovery file (the kiosk's fallback when the
// database failed); they are answers like any other.
void add_recovered(const std::vector<kiosk::Response>& recovered, ResultSet& out, SeenResponses& seen,
                   InputSummary& summary);

// Finds each edition's survey text in the files' surveys tables or in the
// given survey files, and expands page-by-page questions. False with an
// error when some edition's questions cannot be known.
bool define_editions(const std::vector<AnswersDb>& dbs, const LoadOptions& options, ResultSet& out,
                     Diagnostics& diags);

}  // namespace easyread::report
