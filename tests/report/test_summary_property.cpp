// The summary page says only what the numbers say: checked over many
// generated result sets (1-20 questions of every kind, 0-1,000 answers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "report/counting/share_words.hpp"
#include "report/counting/tally.hpp"
#include "report/outputs/board_report.hpp"

using namespace easyread::report;
namespace survey = easyread::survey;

namespace {

const survey::QuestionType kTypes[] = {survey::QuestionType::Faces3,   survey::QuestionType::Faces5,
                                       survey::QuestionType::YesNo,    survey::QuestionType::ChooseOne,
                                       survey::QuestionType::ChooseMany, survey::QuestionType::Comment};

QuestionGroup group(const std::string& id, survey::QuestionType type, bool reversed) {
    QuestionGroup g;
    g.question.id = id;
    g.question.text = "Question " + id + "?";
    g.question.type = type;
    g.question.options = survey::builtin_options(type);
    if (type == survey::QuestionType::ChooseOne || type == survey::QuestionType::ChooseMany)
        g.question.options.insert(g.question.options.begin(), {{"homes", "Homes", "", false, 0}, {"jobs", "Jobs", "", false, 0}});
    if (reversed && type == survey::QuestionType::YesNo) {
        g.question.reversed = true;
        for (auto& o : g.question.options)
            if (o.id == "yes" || o.id == "no") o.negative = !o.negative;
    }
    g.counts.assign(g.question.options.size(), 0);
    return g;
}

// Answers `answered` people gave: one option each, or several for choose-many.
void answer(QuestionGroup& g, int answered, std::mt19937& rng) {
    g.answered = g.asked = answered;
    if (g.question.is_comment() || g.question.options.empty()) return;
    std::uniform_int_distribution<std::size_t> pick(0, g.question.options.size() - 1);
    // Lean the answers towards one option at times, so both sides win often.
    std::size_t lean = pick(rng);
    for (int i = 0; i < answered; ++i) {
        if (g.question.is_multi()) {
            for (std::size_t o = 0; o < g.counts.size(); ++o) g.counts[o] += (rng() % 3 == 0) ? 1 : 0;
        } else {
            g.counts[rng() % 2 ? lean : pick(rng)] += 1;
        }
    }
}

// Good (happy, yes) or bad (sad, no) answers, as a reader of the survey sees them.
bool good_option(const survey::Option& o) {
    return (o.id == "happy" || o.id == "very-happy" || o.id == "yes" || o.id == "no") && !o.negative;
}
bool bad_option(const survey::Option& o) {
    return (o.id == "sad" || o.id == "very-sad" || o.id == "yes" || o.id == "no") && o.negative;
}

struct Sides {
    int good = 0, bad = 0;
    bool counted = false;  // a face or yes/no question someone answered
};

Sides sides(const QuestionGroup& g) {
    Sides s;
    if (g.question.is_multi() || g.question.is_comment() || g.answered == 0) return s;
    for (std::size_t o = 0; o < g.counts.size(); ++o) {
        s.good += good_option(g.question.options[o]) ? g.counts[o] : 0;
        s.bad += bad_option(g.question.options[o]) ? g.counts[o] : 0;
        s.counted = s.counted || good_option(g.question.options[o]) || bad_option(g.question.options[o]);
    }
    return s;
}

struct Listed {
    std::vector<std::string> points;
};

// The Points under "What people liked most:" (most = true) or "least".
std::vector<std::string> points_under(const BoardReport& r, const std::string& heading) {
    std::vector<std::string> out;
    bool in = false;
    for (const auto& b : r.blocks) {
        if (b.kind == BlockKind::Paragraph) in = b.text == heading;
        else if (b.kind == BlockKind::PageBreak) break;
        else if (in && b.kind == BlockKind::Point) out.push_back(b.text);
    }
    return out;
}

void check_side(const BoardReport& report, const Tally& t, bool most) {
    std::vector<std::string> points = points_under(report, most ? "What people liked most:" : "What people liked least:");
    int counted = 0, good = 0, bad = 0;
    std::vector<std::pair<double, const QuestionGroup*>> eligible;
    for (const auto& q : t.questions) {
        const QuestionGroup& g = q.groups.front();
        Sides s = sides(g);
        if (!s.counted) continue;
        ++counted;
        good += s.good;
        bad += s.bad;
        bool on_this_side = most ? (s.good > 0 && s.good >= s.bad) : (s.bad > 0 && s.bad > s.good);
        if (on_this_side) eligible.push_back({double(most ? s.good : s.bad) / g.answered, &g});
    }
    REQUIRE_FALSE(points.empty());
    if (eligible.empty()) {
        REQUIRE(points.size() == 1);
        INFO(points[0]);
        if (counted == 0) CHECK(points[0] == "No question had a face or yes or no answer to count.");
        else if (most) CHECK(points[0] == (good == 0 ? "No one gave a happy or yes answer."
                                                     : "No question had more happy or yes answers than sad or no answers."));
        else CHECK(points[0] == (bad == 0 ? "No one gave a sad or no answer."
                                          : "No question had more sad or no answers than happy or yes answers."));
        return;
    }
    CHECK(points.size() == std::min<std::size_t>(3, eligible.size()));
    std::stable_sort(eligible.begin(), eligible.end(), [](auto& a, auto& b) { return a.first > b.first; });
    double weakest_listed = 2;
    for (const auto& p : points) {
        INFO(p);
        const QuestionGroup* g = nullptr;
        for (const auto& e : eligible)
            if (p.rfind(e.second->question.text + " ", 0) == 0) g = e.second;
        REQUIRE(g != nullptr);  // only questions on this side are listed
        Sides s = sides(*g);
        int n = most ? s.good : s.bad;
        // The stated share is the side's real count out of everyone who answered.
        CHECK(p.find(share_words(n, g->answered)) != std::string::npos);
        // The words say the side: a happy/yes word for most, a sad/no word for least.
        bool says_good = p.find("happy") != std::string::npos || (p.find("said yes") != std::string::npos && !g->question.reversed) ||
                         (p.find("said no") != std::string::npos && g->question.reversed);
        CHECK(says_good == most);
        weakest_listed = std::min(weakest_listed, double(n) / g->answered);
    }
    // No question left out has a bigger share than one listed.
    for (std::size_t i = points.size(); i < eligible.size(); ++i) CHECK(eligible[i].first <= weakest_listed);
}

// The report on one three-face question "day" with these counts (happy, middle, sad, don't know).
BoardReport one_faces_question(const std::vector<int>& counts) {
    static const ResultSet rs;
    Tally t;
    QuestionResult r;
    r.id = "day";
    r.groups.push_back(group("day", survey::QuestionType::Faces3, false));
    QuestionGroup& g = r.groups.front();
    g.counts = counts;
    for (int c : counts) g.answered += c;
    g.asked = t.responses = g.answered;
    t.questions.push_back(r);
    return build_board_report(rs, t, nullptr);
}

}  // namespace

TEST_CASE("summary sentences are derived from the numbers they state, over generated result sets") {
    std::mt19937 rng(20251112);
    ResultSet rs;
    for (int round = 0; round < 400; ++round) {
        Tally t;
        t.events.push_back({"May", "2025-05-09", "2025-05-09T10:00:00.000Z", 0, 0, {}, true});
        int questions = 1 + static_cast<int>(rng() % 20);
        int people = static_cast<int>(rng() % 1001);
        t.responses = people;
        for (int q = 0; q < questions; ++q) {
            QuestionResult r;
            r.id = "q" + std::to_string(q);
            r.groups.push_back(group(r.id, kTypes[rng() % 6], rng() % 4 == 0));
            answer(r.groups.front(), people == 0 ? 0 : static_cast<int>(rng() % (people + 1)), rng);
            t.questions.push_back(std::move(r));
        }
        BoardReport report = build_board_report(rs, t, nullptr);
        INFO("round " << round << ", " << questions << " questions, " << people << " people");
        check_side(report, t, true);
        check_side(report, t, false);
    }
}

TEST_CASE("six sad and four happy out of ten is what people liked least, not 'no one was sad'") {
    BoardReport report = one_faces_question({4, 0, 6, 0});  // happy, middle, sad, don't know
    auto least = points_under(report, "What people liked least:");
    REQUIRE(least.size() == 1);
    CHECK(least[0] == "Question day? 6 out of 10 people were sad.");
    auto most = points_under(report, "What people liked most:");
    REQUIRE(most.size() == 1);
    CHECK(most[0] == "No question had more happy or yes answers than sad or no answers.");
}

TEST_CASE("a question's shares in the report add up to 10 out of 10") {
    BoardReport report = one_faces_question({45, 25, 15, 15});  // each rounded alone: 5 + 3 + 2 + 2 = 12 out of 10
    std::vector<std::string> said;
    for (const auto& b : report.blocks)
        if (b.kind == BlockKind::Paragraph && !b.lines.empty() && b.lines[0].find("were happy") != std::string::npos)
            said = b.lines;
    CHECK(said == std::vector<std::string>{"About 5 out of 10 people were happy.",
                                           "About 3 out of 10 people felt in the middle.",
                                           "About 1 out of 10 people were sad.",
                                           "About 1 out of 10 people said they do not know."});
}
