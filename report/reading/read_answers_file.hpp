// Reading answers into a ResultSet (the steps of load_results): one answers
// file or recovery file at a time, and the survey text of every edition.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "report/reading/answers_file.hpp"
#include "survey/response.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

// A response's UUID as 128 bits: hashing and comparing it costs no strings.
struct UuidKey {
    std::uint64_t hi = 0, lo = 0;
    bool operator==(const UuidKey& o) const { return hi == o.hi && lo == o.lo; }
};

// Responses already taken, so a response in two files counts once.
class SeenResponses {
public:
    void reserve(std::size_t n);
    // Records `uuid` as response `index`; false (and `index` set to the
    // earlier one) when it was taken before.
    bool take(std::string_view uuid, std::uint32_t& index);
    // The response index of `uuid`, or -1.
    long find(std::string_view uuid) const;

    std::map<std::tuple<int, std::string, std::string>, std::uint32_t> editions;  // (version, hash, document)

private:
    // Open addressing in one array: a million look-ups stay in the cache.
    struct Slot {
        UuidKey key;
        std::uint32_t index = kEmpty;
    };
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    Slot& slot_for(const UuidKey& key);
    std::unordered_map<std::string, std::uint32_t> other_ids_;  // ids that are not UUIDs (never from easyread)
};

// Adds the chosen survey's responses and answers from `db` (one read
// transaction, so a kiosk still writing cannot give half a response).
bool read_answers_file(const ReadOnlyAnswersFile& db, ResultSet& out, SeenResponses& seen, InputSummary& summary,
                     Diagnostics& diags);

// Adds responses held in a recovery file (the kiosk's fallback when the
// database failed); they are answers like any other.
void add_recovered(const std::vector<survey::Response>& recovered, ResultSet& out, SeenResponses& seen,
                   InputSummary& summary);

// Finds each edition's survey text in the files' surveys tables or in the
// given survey files, and expands page-by-page questions. False with an
// error when some edition's questions cannot be known.
bool define_editions(const std::vector<ReadOnlyAnswersFile>& dbs, const LoadOptions& options, ResultSet& out,
                     Diagnostics& diags);

}  // namespace easyread::report
