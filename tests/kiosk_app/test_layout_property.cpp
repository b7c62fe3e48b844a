// The layout property, for every screen of every bundled survey at the
// screens people use: every tap target (the trace log's "target" lines) is
// inside the window, 20 mm or more on its smaller side, 3 mm or more from
// every other, and Review shows every answer (picture and words, "shown"
// lines) on one of its pages. Screens too small for that are refused at start.
//
// The screens are drawn by the real draw functions in a headless ImGui
// context with the real fonts, sizes and picture bank; only the GL upload of
// pictures is left out (it does not change where anything goes).
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "kiosk/app/fonts.hpp"
#include "kiosk/app/metrics.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/core/backend.hpp"
#include "kiosk/core/session.hpp"
#include "survey/survey_parser.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using namespace easyread::kiosk::ui;

namespace {

struct ScreenSize {
    int w, h;
    float dpi;
};
// Desktop monitors, the shipped 15.6 inch kiosk (141 dpi), and what councils
// own: 10-inch tablets either way up (1280x800 and 800x1280 at 149 dpi,
// 1920x1200 at 224 dpi, all about 217 x 136 mm), a 1366x768 laptop run with
// the shipped DPI=141; 640x480 at 96 dpi (169 x 127 mm) is refused.
const ScreenSize kSizes[] = {{640, 480, 96},    {800, 600, 96},     {1280, 800, 96},   {1366, 768, 112},
                             {1920, 1080, 141}, {3840, 2160, 163},  {1280, 800, 149},  {800, 1280, 149},
                             {1920, 1200, 224}, {1366, 768, 141}};

// Saves in memory; fails on purpose when `disk_fails` (the ask-staff screen).
class LayoutBackend final : public MemoryBackend {
public:
    bool disk_fails = false;
    int held = 0;
    SaveResult save_response(const Response&) override {
        if (disk_fails) ++held;
        return disk_fails ? SaveResult::Lost : SaveResult::Stored;
    }
    TodayCounts counts_today(const std::string&) override {
        TodayCounts c;
        c.total = 12;
        c.by_respondent = {{"self", 7}, {"carer", 3}, {"helper", 1}, {"staff", 1}};
        c.in_recovery = 2;
        c.in_memory = held;
        return c;
    }
    bool store_ok() override { return !disk_fails; }
    std::string store_words() override {
        return store_state_words(disk_fails ? StoreState::ReadOnly : StoreState::Ok, "/media/usb/answers.db");
    }
    std::vector<ExportPlace> export_places() override {
        return {{"This kiosk's export folder", "/home/kiosk/.local/share/easyread/export"},
                {"Memory stick SANDISK", "/media/kiosk/SANDISK"},
                {"Memory stick KINGSTON DATATRAVELER", "/media/kiosk/KINGSTON DATATRAVELER"}};
    }
    std::string export_answers(const std::string&) override {
        return "Answers copied to /media/usb/easyread/easyread-answers-1a2b3c4d-2024-05-03T10-00-00-000Z.db.";
    }
    int unsaved_count() override { return held; }
    int retry_unsaved() override {
        if (!disk_fails) held = 0;
        return held;
    }
};

// One screen to draw: the session's view plus the app's own state.
struct Scene {
    std::string name;
    SessionView view;
    int keyboard_layer = 0;
    bool help = false;
};

std::string long_words(std::size_t chars) {
    const char* words[] = {"The ", "lunch ", "was ", "cold ", "and ", "the ", "room ", "was ", "too ", "noisy. ",
                           "Please ", "bring ", "more ", "pictures ", "next ", "time. "};
    std::string out;
    for (std::size_t i = 0; out.size() < chars; ++i) out += words[i % 16];
    out.resize(chars);
    return out;
}

void add(std::vector<Scene>& scenes, const std::string& name, const Session& s, int layers = 1, bool help = false) {
    for (int layer = 0; layer < layers; ++layer) {
        Scene sc{name + (layers > 1 ? " layer " + std::to_string(layer) : ""), s.view(), layer, false};
        scenes.push_back(sc);
    }
    if (help) scenes.push_back({name + " help", s.view(), 0, true});
}

// Walks a survey through every screen, answering with the longest answers.
std::vector<Scene> walk(const Survey& survey) {
    std::vector<Scene> scenes;
    FakeClock clock;
    LayoutBackend backend;
    KioskSettings settings;
    settings.confirm_negative = true;
    settings.event = "Partnership Board, 5 March, the big hall at the town centre";
    Session s(survey, settings, clock, backend);
    auto step = [&] { clock.advance(1000); s.tick(); };
    auto type = [&](const std::string& t) {
        step();  // a new screen's keyboard takes keys once it has settled
        for (char c : t) s.type_text(std::string(1, c));
    };
    REQUIRE(s.screen() == Screen::StaffSetPin);
    type("12");
    step();
    s.next();
    add(scenes, "staff-set-pin with a message", s);
    type("48");
    add(scenes, "staff-set-pin", s);
    type("3190");
    step();
    s.next();
    type("483190");
    step();
    s.next();
    REQUIRE(s.screen() == Screen::StaffMenu);
    add(scenes, "staff-menu", s);
    step();
    s.tap_option("export");
    REQUIRE(s.screen() == Screen::StaffExport);
    add(scenes, "staff-export", s);
    step();
    s.tap_option("place:1");
    add(scenes, "staff-menu after export", s);
    step();
    s.tap_option("event");
    add(scenes, "staff-event-name", s, 3);
    step();
    s.next();
    step();
    s.tap_option("close");
    REQUIRE(s.screen() == Screen::Welcome);
    add(scenes, "welcome", s, 1, true);
    step();
    s.tap_option("start");
    add(scenes, "consent", s, 1, true);
    step();
    s.tap_option("agree");
    add(scenes, "who-is-answering", s);
    step();
    s.tap_option("helper");
    bool confirmed = false;
    while (s.screen() == Screen::Question) {
        const Question& q = survey.questions[static_cast<std::size_t>(s.view().question_number - 1)];
        const std::string name = "question " + q.id;
        if (q.is_comment()) {
            add(scenes, name, s);
            type(long_words(kCommentMaxChars));
            add(scenes, name + " typed", s, 3);
            step();
            s.next();
            continue;
        }
        add(scenes, name, s, 1, s.view().question_number == 1);
        if (q.is_multi()) {
            for (const Option& o : q.options)
                if (o.id != "dont-know") {
                    step();
                    s.tap_option(o.id);
                }
            add(scenes, name + " all chosen", s);
            step();
            s.next();
            continue;
        }
        const Option* longest = &q.options.front();
        for (const Option& o : q.options)
            if (o.id != "dont-know" && o.label.size() > longest->label.size()) longest = &o;
        if (!confirmed) {  // once: the "You chose sad. Is that right?" check
            for (const Option& o : q.options)
                if (o.negative) {
                    step();
                    s.tap_option(o.id);
                    REQUIRE(s.screen() == Screen::ConfirmAnswer);
                    add(scenes, "confirm-answer", s);
                    step();
                    s.tap_option("change");
                    confirmed = true;
                    break;
                }
        }
        step();
        s.tap_option(longest->id);
        if (s.screen() == Screen::ConfirmAnswer) {
            step();
            s.tap_option("keep");
        }
    }
    REQUIRE(s.screen() == Screen::AnythingElse);
    add(scenes, "anything-else", s);
    type(long_words(kCommentMaxChars));
    add(scenes, "anything-else typed", s, 3);
    step();
    s.tap_option("skip");
    REQUIRE(s.screen() == Screen::ConfirmDiscard);
    add(scenes, "confirm-discard", s);
    step();
    s.tap_option("keep-words");
    step();
    s.next();
    REQUIRE(s.screen() == Screen::Review);
    add(scenes, "review", s);
    clock.advance(settings.idle_ms);
    s.tick();
    REQUIRE(s.screen() == Screen::StillThere);
    add(scenes, "still-there", s);
    step();
    s.still_here();
    REQUIRE(s.screen() == Screen::Review);
    backend.disk_fails = true;
    step();
    s.tap_option("send");
    REQUIRE(s.screen() == Screen::AskStaff);
    add(scenes, "ask-staff", s);
    backend.disk_fails = false;
    clock.advance(Session::kRetryMs);
    s.tick();
    REQUIRE(s.screen() == Screen::ThankYou);
    add(scenes, "thank-you", s);
    return scenes;
}

struct Drawn {
    std::vector<TapTarget> targets, shown;
    int review_pages = 1;
    int keyboard_pages = 1;
};

class HeadlessKiosk {
public:
    HeadlessKiosk(const ScreenSize& size, const symbols::Bank& bank) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(size.w), static_cast<float>(size.h));
        ui_.metrics = metrics_for_screen(size.dpi, io.DisplaySize.x, io.DisplaySize.y);
        std::string error;
        REQUIRE(load_fonts(io, ui_.metrics, ui_.fonts, error));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // builds the atlas, as the GL backend would
        ui_.bank = &bank;
    }
    ~HeadlessKiosk() { ImGui::DestroyContext(ctx_); }
    HeadlessKiosk(const HeadlessKiosk&) = delete;
    HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;
    const Metrics& metrics() const { return ui_.metrics; }

    Drawn draw(const Scene& sc, int review_page = 0, int keyboard_page = 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ui_.actions.clear();
        ui_.targets.clear();
        ui_.shown.clear();
        ui_.keyboard_layer = sc.keyboard_layer;
        ui_.show_help = sc.help;
        ui_.review_page = review_page;
        ui_.keyboard_page = keyboard_page;
        ui_.keyboard_pages = 1;
        ImGui::NewFrame();
        draw_screen(ui_, sc.view);
        ImGui::Render();
        return {ui_.targets, ui_.shown, ui_.review_pages, ui_.keyboard_pages};
    }

private:
    ImGuiContext* ctx_ = nullptr;
    UiContext ui_;
};

std::string rect_text(const TapTarget& t) {
    std::ostringstream o;
    o << t.name << " at " << t.min.x << "," << t.min.y << " size " << (t.max.x - t.min.x) << "x" << (t.max.y - t.min.y);
    return o.str();
}

// Distance between two boxes: the larger of the x and y gaps (negative: they overlap).
float separation(const TapTarget& a, const TapTarget& b) {
    float dx = std::max(b.min.x - a.max.x, a.min.x - b.max.x);
    float dy = std::max(b.min.y - a.max.y, a.min.y - b.max.y);
    return std::max(dx, dy);
}

bool inside(const TapTarget& t, float w, float h) {
    return t.min.x >= -0.5f && t.min.y >= -0.5f && t.max.x <= w + 0.5f && t.max.y <= h + 0.5f;
}

// Failures as lines, so one CHECK shows every problem of a screen.
std::vector<std::string> target_problems(const std::vector<TapTarget>& targets, const Metrics& m) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const TapTarget& t = targets[i];
        if (!inside(t, m.screen_w, m.screen_h)) out.push_back("outside the window: " + rect_text(t));
        float side = std::min(t.max.x - t.min.x, t.max.y - t.min.y);
        if (side < m.target - 0.5f)
            out.push_back("under 20 mm (" + std::to_string(side / m.px_per_mm) + " mm): " + rect_text(t));
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            float gap = separation(t, targets[j]);
            if (gap < m.gap - 0.5f)
                out.push_back((gap < 0 ? "overlap: " : "closer than 3 mm: ") + rect_text(t) + " and " +
                              rect_text(targets[j]));
        }
    }
    return out;
}

const symbols::Bank& bank() {
    static symbols::Bank b = [] {
        symbols::Bank bank;
        Diagnostics d;
        REQUIRE(bank.load_bundled(d));
        return bank;
    }();
    return b;
}

std::vector<std::pair<std::string, Survey>> bundled_surveys() {
    std::vector<std::pair<std::string, Survey>> out;
    symbols::Matcher matcher(bank());
    SurveyParseOptions po;
    po.matcher = &matcher;
    po.bank = &bank();
    for (const char* rel : {"templates/surveys/board-event.md", "templates/surveys/easy-to-understand.md",
                            "tests/kiosk_e2e/e2e-survey.md"}) {
        Diagnostics d;
        std::optional<Survey> s = load_survey(std::string(EASYREAD_SOURCE_DIR) + "/" + rel, d, po);
        INFO(rel << "\n" << d.format_all());
        REQUIRE(s);
        // A document of three pages: each=page questions are asked once a page.
        if (s->has_page_questions()) REQUIRE(expand_document_pages(*s, 3, "doc.md 0123abcd"));
        out.emplace_back(rel, std::move(*s));
    }
    return out;
}

// The keyboard's layer over all its pages (a small screen shows the letters
// in two or more): each page fits as every screen must, each key of the
// layer is on exactly one page, the space bar on every page, and a page key
// shows when there is more than one.
void check_keyboard_pages(HeadlessKiosk& kiosk, const Scene& sc, const Drawn& first) {
    const Metrics& m = kiosk.metrics();
    const std::string layers[3] = {"abcdefghijklmnopqrstuvwxyz.", "ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
                                   "1234567890-/:;()&@!\"'.,?+=%"};
    std::map<std::string, int> keys;  // key name -> pages it is on
    INFO("keyboard layer " << sc.keyboard_layer << ", " << first.keyboard_pages << " page(s)");
    for (int page = 0; page < first.keyboard_pages; ++page) {
        INFO("keyboard page " << page + 1);
        const Drawn p = page == 0 ? first : kiosk.draw(sc, 0, page);
        std::vector<std::string> problems = target_problems(p.targets, m);
        std::string all;
        for (const auto& pr : problems) all += pr + "\n";
        INFO(all);
        CHECK(problems.empty());
        bool page_key = false;
        for (const TapTarget& t : p.targets) {
            if (t.name == "key:page") page_key = true;
            else if (t.name.rfind("key:", 0) == 0 && t.name != "key:layer") ++keys[t.name];
        }
        CHECK(page_key == (first.keyboard_pages > 1));
    }
    // The typed-full scenes show the keys disabled (not targets): nothing to count there.
    if (keys.empty()) return;
    for (char c : layers[sc.keyboard_layer]) {
        INFO("key " << c);
        CHECK(keys["key:" + std::string(1, c)] == 1);
    }
    CHECK(keys["key:space"] == first.keyboard_pages);  // on every page: words need it
}

// One scene at one screen size: its targets (or, under Help, only Help's OK)
// inside, 20 mm, 3 mm apart; on Review, every question and answer shown
// whole, inside its own row, under no button, on one of Review's pages.
void check_scene(HeadlessKiosk& kiosk, const Scene& sc) {
    const Metrics& m = kiosk.metrics();
    Drawn d = kiosk.draw(sc);
    std::vector<TapTarget> targets = d.targets;
    if (sc.help) {  // the screen under Help takes no taps: only its OK counts
        targets.erase(std::remove_if(targets.begin(), targets.end(),
                                     [](const TapTarget& t) { return t.name != "help-close"; }),
                      targets.end());
        CHECK(targets.size() == 1);
    }
    std::vector<std::string> problems = target_problems(targets, m);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    INFO(all);
    CHECK(problems.empty());
    if (!sc.help && (sc.view.keyboard == Keyboard::Letters || sc.view.screen == Screen::AnythingElse ||
                     sc.view.screen == Screen::StaffEventName))
        check_keyboard_pages(kiosk, sc, d);
    if (sc.view.screen != Screen::Review) return;

    std::set<std::string> seen;
    for (int page = 0; page < d.review_pages; ++page) {
        INFO("Review page " << page + 1 << " of " << d.review_pages);
        Drawn p = page == 0 ? d : kiosk.draw(sc, page);
        if (page > 0) {
            std::vector<std::string> pp = target_problems(p.targets, m);
            CHECK(pp.empty());
        }
        std::map<std::string, TapTarget> rows;  // question id -> its row's box
        for (const TapTarget& t : p.shown)
            if (t.name.rfind("row:", 0) == 0) rows[t.name.substr(4)] = t;
        for (const TapTarget& t : p.shown) {
            INFO(rect_text(t));
            CHECK(inside(t, m.screen_w, m.screen_h));
            if (t.name.rfind("row:", 0) == 0) continue;
            // Not under a button, and above the bottom row (Next, Help).
            for (const TapTarget& b : p.targets) CHECK(separation(t, b) >= 0);
            // Inside its own row's box: words never run over its edge.
            const std::string rest = t.name.substr(t.name.find(':') + 1);
            const auto row = rows.find(rest.substr(0, rest.find(':')));
            REQUIRE(row != rows.end());
            CHECK(t.min.x >= row->second.min.x - 0.5f);
            CHECK(t.min.y >= row->second.min.y - 0.5f);
            CHECK(t.max.x <= row->second.max.x + 0.5f);
            CHECK(t.max.y <= row->second.max.y + 0.5f);
            seen.insert(t.name);
        }
        // Each row (or part of a row) on the page has its own Change.
        for (const auto& [id, box] : rows) {
            INFO("row " << id);
            int changes = 0;
            for (const TapTarget& b : p.targets)
                if (b.name.rfind("option:change:", 0) == 0 && b.min.y >= box.min.y && b.max.y <= box.max.y) ++changes;
            CHECK(changes == 1);
        }
        if (d.review_pages > 1) {
            bool has_up = false, has_down = false;
            for (const TapTarget& t : p.targets) {
                has_up |= t.name == "review-up";
                has_down |= t.name == "review-down";
            }
            CHECK(has_up == (page > 0));
            CHECK(has_down == (page + 1 < d.review_pages));
        }
    }
    for (const ReviewRow& row : sc.view.review) {
        INFO("review row " << row.question_id);
        CHECK(seen.count("question:" + row.question_id));
        if (row.answers.empty()) CHECK(seen.count("words:" + row.question_id));
        for (const Choice& a : row.answers) CHECK(seen.count("answer:" + row.question_id + ":" + a.id));
    }
}

// Every scene of every walk at every screen size; a size too small for 20 mm
// targets must be refused at start with words saying why.
void check_walks(const std::map<std::string, std::vector<Scene>>& walks) {
    for (const ScreenSize& size : kSizes) {
        HeadlessKiosk kiosk(size, bank());
        const std::string too_small = screen_too_small(kiosk.metrics());
        INFO("screen " << size.w << "x" << size.h << " at " << size.dpi << " dpi");
        CHECK(too_small.empty() == (size.w != 640));
        if (!too_small.empty()) {
            CHECK(size.w == 640);  // only the smallest screen may be
            CHECK(too_small.find("too small") != std::string::npos);
            CHECK(too_small.find("mm") != std::string::npos);
            continue;
        }
        for (const auto& [survey_name, scenes] : walks)
            for (const Scene& sc : scenes) {
                INFO(survey_name << ": " << sc.name);
                check_scene(kiosk, sc);
            }
    }
}

// Surveys nobody wrote by hand: every question kind, choice questions with 1
// to 12 answers of 1 to 200 characters (a fixed seed: a failure repeats).
// The first holds the case that once broke Review: choose-many, 8 answers of
// 200 characters, all chosen.
std::map<std::string, std::vector<Scene>> generated_walks() {
    std::mt19937 rng(21);
    symbols::Matcher matcher(bank());
    SurveyParseOptions po;
    po.matcher = &matcher;
    po.bank = &bank();
    const char* kinds[] = {"choose-many", "faces3", "choose-one", "faces5", "yes-no", "comment"};
    const int counts[] = {1, 2, 3, 5, 8, 12};
    const std::size_t lengths[] = {1, 9, 30, 70, 140, 200};
    const char* pictures[] = {"house", "work", "money", "meeting", "idea", "doctor"};
    std::map<std::string, std::vector<Scene>> out;
    for (int n = 0; n < 5; ++n) {
        std::string text = "---\nid: generated-" + std::to_string(n) + "\nversion: 1\ntitle: Generated survey\n---\n";
        for (int k = 0; k < 6; ++k) {
            const std::string kind = kinds[k];
            const std::size_t q_len = lengths[rng() % 6];
            text += "## " + long_words(std::max<std::size_t>(q_len, 2)) + " {#q" + std::to_string(k) + " type=" + kind +
                    " picture=question}\n";
            if (kind != "choose-many" && kind != "choose-one") continue;
            const int count = n == 0 && k == 0 ? 8 : n == 1 && k == 0 ? 12 : counts[rng() % 6];
            for (int a = 0; a < count; ++a) {
                const std::size_t len = n == 0 && k == 0 ? 200 : lengths[rng() % 6];
                text += "- " + long_words(len) + " {#a" + std::to_string(a) + " picture=" + pictures[a % 6] + "}\n";
            }
        }
        Diagnostics d;
        std::optional<Survey> s = parse_survey(SourceText{"generated.md", text}, d, po);
        INFO(text << "\n" << d.format_all());
        REQUIRE(s);
        out["generated " + std::to_string(n)] = walk(*s);
    }
    return out;
}

}  // namespace

TEST_CASE("every screen of every bundled survey: targets inside, 20 mm, 3 mm apart, and Review shows every answer",
          "[layout]") {
    std::map<std::string, std::vector<Scene>> walks;
    for (const auto& [name, survey] : bundled_surveys()) walks[name] = walk(survey);
    check_walks(walks);
}

TEST_CASE("generated surveys (1-12 answers of 1-200 characters, every kind) fit every screen, Review too",
          "[layout]") {
    check_walks(generated_walks());
}

TEST_CASE("a screen too small for 20 mm buttons is refused with the sizes in words", "[layout]") {
    Metrics small = metrics_for_screen(96, 640, 480);
    std::string why = screen_too_small(small);
    CHECK(why.find("640 x 480") != std::string::npos);
    CHECK(why.find("96 dpi") != std::string::npos);
    CHECK(why.find("--dpi") != std::string::npos);
    CHECK(screen_too_small(metrics_for_screen(96, 1280, 800)).empty());
    CHECK(screen_too_small(metrics_for_screen(141, 1920, 1080)).empty());
    CHECK(screen_too_small(metrics_for_screen(112, 1366, 768)).empty());
}
TEST_CASE("the smallest screens, as the README states them: 210 x 132 mm on its side, 118 x 155 mm upright",
          "[layout]") {
    // At 254 dpi a millimetre is 10 pixels.
    auto fits = [](int w_mm, int h_mm) { return screen_too_small(metrics_for_screen(254, w_mm * 10.0f, h_mm * 10.0f)).empty(); };
    CHECK(fits(210, 132));
    CHECK_FALSE(fits(205, 132));
    CHECK_FALSE(fits(210, 127));
    CHECK(fits(118, 155));
    CHECK_FALSE(fits(113, 155));
    CHECK_FALSE(fits(118, 150));
    CHECK(fits(217, 136));  // a 10-inch tablet either way up
    CHECK(fits(136, 217));
    // A 7-inch tablet (1024x600 at 170 dpi, 153 x 90 mm) is refused, with the least size of its shape.
    const std::string why = screen_too_small(metrics_for_screen(170, 1024, 600));
    CHECK(why.find("153 x 90 mm") != std::string::npos);
    CHECK(why.find("needs at least") != std::string::npos);
}

namespace {

// A review's chunk screens: short and long chunks (up to 90 words, so the
// words go on over pages), a word longer than the screen is wide, a chunk
// that is only a picture, words marked; each at every page of its words.
std::vector<Scene> review_scenes() {
    Diagnostics d;
    std::optional<Survey> survey = parse_survey(SourceText{"r.md", review_survey_text("doc", "doc.md")}, d);
    REQUIRE(survey);
    REQUIRE(expand_document_pages(*survey, 2, "doc.md 0123abcd"));
    const std::string house = bank().find("house")->file;
    std::vector<ReviewChunk> chunks = {
        {1, "k1", "Moving in", "", "", {}},
        {1, "k2", "We will help you move into your new home.", "house", house, {0.1, 0.3, 0.9, 0.5}},
        {1, "k3", long_words(600), "", "", {}},
        {2, "k4", "", "house", house, {0.1, 0.3, 0.9, 0.5}},
        {2, "k5", "Reablement-and-intermediate-care-services-for-Millbrook means help at home, for a short time.", "house",
         house, {0.1, 0.3, 0.9, 0.5}},
    };
    std::vector<Scene> scenes;
    FakeClock clock;
    LayoutBackend backend;
    backend.pin = "1234";
    KioskSettings settings;
    Session s(*survey, settings, clock, backend, chunks);
    auto step = [&] { clock.advance(1000); s.tick(); };
    step();
    s.tap_option("start");
    step();
    s.tap_option("agree");
    step();
    s.tap_option("self");
    for (int i = 0; i < 12 && s.screen() != Screen::AnythingElse; ++i) {
        if (s.screen() == Screen::Chunk) {
            add(scenes, "chunk " + s.view().body.substr(0, 20), s);
            // Every word and the picture marked: the chosen look must not move or grow anything.
            for (const Choice& c : std::vector<Choice>(s.view().choices)) {
                step();
                s.tap_option(c.id);
            }
            add(scenes, "chunk marked " + s.view().body.substr(0, 20), s);
        }
        step();
        s.next();
    }
    return scenes;
}

}  // namespace

TEST_CASE("a review's chunks: every word and the picture a target of 20 mm or more, 3 mm apart, on every screen",
          "[layout][review]") {
    const std::vector<Scene> scenes = review_scenes();
    REQUIRE(scenes.size() == 10);
    for (const ScreenSize& size : kSizes) {
        HeadlessKiosk kiosk(size, bank());
        if (!screen_too_small(kiosk.metrics()).empty()) continue;
        INFO("screen " << size.w << "x" << size.h << " at " << size.dpi << " dpi");
        const Metrics& m = kiosk.metrics();
        for (const Scene& sc : scenes) {
            INFO(sc.name);
            const Drawn first = kiosk.draw(sc);
            std::map<std::string, int> words;  // target name -> pages it is on
            int word_choices = 0, pictures = 0;
            for (const Choice& c : sc.view.choices) {
                word_choices += c.id.rfind("word:", 0) == 0;
                pictures += c.id.rfind("picture:", 0) == 0;
            }
            for (int page = 0; page < first.review_pages; ++page) {
                INFO("words page " << page + 1 << " of " << first.review_pages);
                const Drawn p = page == 0 ? first : kiosk.draw(sc, page);
                std::vector<std::string> problems = target_problems(p.targets, m);
                std::string all;
                for (const auto& pr : problems) all += pr + "\n";
                INFO(all);
                CHECK(problems.empty());
                int picture_targets = 0;
                bool up = false, down = false;
                for (const TapTarget& t : p.targets) {
                    if (t.name.rfind("option:word:", 0) == 0) ++words[t.name];
                    picture_targets += t.name.rfind("option:picture:", 0) == 0;
                    up |= t.name == "review-up";
                    down |= t.name == "review-down";
                }
                CHECK(picture_targets == pictures);  // on every page of the words
                CHECK(up == (page > 0));
                CHECK(down == (page + 1 < first.review_pages));
            }
            // Each word on exactly one page.
            int total = 0;
            for (const auto& [name, pages] : words) {
                INFO(name);
                CHECK(pages == 1);
                total += pages;
            }
            CHECK(total == word_choices);
        }
    }
}
