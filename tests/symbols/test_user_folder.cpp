// A user's own picture folder: ids and words from file names, keywords.txt,
// CREDIT.txt, and warnings for everything that cannot be used.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "symbols/matcher.hpp"
#include "tests/symbols/test_support.hpp"

using namespace easyread;
using namespace symbols_test;

namespace {

const char* kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\" height=\"5\"/></svg>\n";

// A folder like a Photosymbols licence holder's, with one of everything.
std::string make_folder() {
    const std::string dir = temp_dir() + "/Our pictures";
    REQUIRE(mkdir(dir.c_str(), 0755) == 0);
    write_png(dir + "/Care plan_2.png");
    write_png(dir + "/doctor.png");
    write_file(dir + "/GP surgery.svg", kSvg);
    write_file(dir + "/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"5\"\n</svg>\n");
    write_file(dir + "/fake.png", "not a png at all");
    write_file(dir + "/photo.jpg", "jpeg bytes");
    write_png(dir + "/Doctor.PNG");  // same id as doctor.png
    write_file(dir + "/notes.txt", "ignored\n");
    write_file(dir + "/keywords.txt",
               "# our words\n"
               "Care plan_2.png: care plan, my plan\n"
               "gp surgery: health centre, surgery\n"
               "this line has no colon\n"
               "missing.png: nothing\n"
               "doctor.png:   \n");
    write_file(dir + "/CREDIT.txt", "Pictures by the Millbrook Speak Up Group.\nLicence: used with permission\n");
    return dir;
}

}  // namespace

TEST_CASE("a user folder adds its pictures with ids and words from file names and keywords.txt") {
    const std::string dir = make_folder();
    Diagnostics diags;
    symbols::Bank bank = bundled_bank();
    CHECK(bank.add_user_folder(dir, diags));

    const auto* plan = bank.find("care-plan-2");
    REQUIRE(plan);
    CHECK(plan->user);
    CHECK(plan->name == "care plan");
    CHECK(plan->set == "Our pictures");
    CHECK(plan->licence == "used with permission");
    CHECK(plan->file == dir + "/Care plan_2.png");
    CHECK(plan->keywords == std::vector<std::string>{"care plan", "care plan", "my plan"});
    const auto* surgery = bank.find("gp-surgery");
    REQUIRE(surgery);
    CHECK(surgery->keywords == std::vector<std::string>{"gp surgery", "health centre", "surgery"});

    const auto* set = bank.set_named("Our pictures");
    REQUIRE(set);
    CHECK(set->user);
    CHECK(set->credit == "Pictures by the Millbrook Speak Up Group.");
    CHECK(bank.set_named("openmoji") != nullptr);  // the bundled set is still credited
}

TEST_CASE("a user folder's pictures win over bundled pictures") {
    const std::string dir = make_folder();
    Diagnostics diags;
    symbols::Bank bank = bundled_bank();
    const std::size_t before = bank.pictures().size();
    REQUIRE(bank.add_user_folder(dir, diags));
    // Doctor.PNG takes the place of the bundled doctor; two new ids are added.
    CHECK(bank.pictures().size() == before + 2);
    REQUIRE(bank.find("doctor"));
    CHECK(bank.find("doctor")->file == dir + "/Doctor.PNG");

    symbols::Matcher matcher(bank);
    auto m = matcher.best("You can have a care plan.");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "care-plan-2");  // over the bundled patient-clipboard
    auto gp = matcher.best("Go to the health centre on Monday.");
    REQUIRE(gp.picture);
    CHECK(gp.picture->id == "gp-surgery");
}

TEST_CASE("everything a user folder cannot use is a warning naming the file and line") {
    const std::string dir = make_folder();
    Diagnostics diags;
    symbols::Bank bank;
    REQUIRE(bank.add_user_folder(dir, diags));
    INFO(diags.format_all());
    CHECK(has_warning(diags, dir + "/broken.svg", 3, "broken-picture"));
    CHECK(has_warning(diags, dir + "/fake.png", 0, "broken-picture"));
    CHECK(has_warning(diags, dir + "/photo.jpg", 0, "picture-format"));
    CHECK(has_warning(diags, dir + "/doctor.png", 0, "duplicate-picture"));  // sorted after Doctor.PNG
    const std::string keywords = dir + "/keywords.txt";
    CHECK(has_warning(diags, keywords, 4, "picture-keywords"));
    CHECK(has_warning(diags, keywords, 5, "picture-keywords"));
    CHECK(has_warning(diags, keywords, 6, "picture-keywords"));
    CHECK(diags.items().size() == 7);
    CHECK(bank.pictures().size() == 3);  // the rest of the folder still works
    CHECK(bank.find("care-plan-2"));
    CHECK(bank.find("gp-surgery"));
    CHECK(bank.find("doctor"));
}

TEST_CASE("an unreadable picture folder is a warning and the bank still works") {
    Diagnostics diags;
    symbols::Bank bank = bundled_bank();
    const std::string missing = temp_dir() + "/no-such-folder";
    CHECK_FALSE(bank.add_user_folder(missing, diags));
    CHECK(has_warning(diags, missing, 0, "picture-folder"));
    const std::string file = temp_dir() + "/a-file.txt";
    write_file(file, "x");
    CHECK_FALSE(bank.add_user_folder(file, diags));
    CHECK(has_warning(diags, file, 0, "picture-folder"));
    CHECK(symbols::Matcher(bank).best("Go to your doctor.").picture != nullptr);
}

TEST_CASE("a matcher made after a user folder is added finds its pictures, though the bank's index was built before") {
    Diagnostics diags;
    symbols::Bank bank = bundled_bank();
    symbols::Matcher(bank).best("A tractor.");  // builds the bank's shared word index
    const std::string dir = temp_dir() + "/Farm";
    REQUIRE(mkdir(dir.c_str(), 0755) == 0);
    write_file(dir + "/Blue tractor.svg", kSvg);
    REQUIRE(bank.add_user_folder(dir, diags));

    symbols::Matcher after(bank);
    symbols::Match m = after.best("We ride on the blue tractor.");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "blue-tractor");
}
