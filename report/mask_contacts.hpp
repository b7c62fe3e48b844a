// Comments are shown to a whole board: phone numbers, email addresses and
// postcodes people typed are replaced with words saying what was there.
#pragma once
#include <string>

namespace easyread::report {

// "Ring me on 07700 900123" -> "Ring me on [phone number]".
std::string mask_contacts(const std::string& text);

}  // namespace easyread::report
