// Comments are shown to a whole board, and a comment may hold what someone
// typed about themselves. Personal details are replaced with words saying
// what was there, in every output: phone numbers, email addresses (also
// spelled out, "jo at example dot org"), postcodes (every UK form, and
// "GIR 0AA"), National Insurance numbers, street addresses and flats, dates
// of birth, and names whatever their case: after "my name is", "call me",
// "I am called", "I'm", and given names from templates/words/given-names.txt
// anywhere. Years, year-first dates and room floors are kept. Every rule is
// listed in the README's reports section.
#pragma once
#include <string>

namespace easyread::report {

// "Ring me on 07700 900123" -> "Ring me on [phone number]";
// "my name is John Smith" -> "my name is [name]".
std::string mask_personal(const std::string& text);

// The same with every rule's pattern tried on every comment, none passed
// over on its cues: the tests check both give the same bytes.
std::string mask_personal_every_rule(const std::string& text);

}  // namespace easyread::report
