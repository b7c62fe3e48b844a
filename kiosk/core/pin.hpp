// The staff PIN: kept only as a libsodium crypto_pwhash (Argon2id) string.
#pragma once
#include <string>

namespace easyread::kiosk {

// A new PIN has at least 6 digits (10^6 guesses; 4 digits fall to a guess
// of a birthday or 1234). PINs set before, of 4 or more, still open staff mode.
constexpr int kPinMinDigits = 6;
constexpr int kPinMaxDigits = 10;

// True when `pin` is kPinMinDigits..kPinMaxDigits digits.
bool pin_is_well_formed(const std::string& pin);
// True for PINs anyone would try first: one digit repeated (000000), a run
// up or down (123456, 987654, 901234 wraps), or a short pattern repeated (121212, 123123).
bool pin_is_guessable(const std::string& pin);
// "$argon2id$..." (salted, interactive cost); empty on failure (out of memory).
std::string hash_pin(const std::string& pin);
// Constant-time check of a PIN against hash_pin() output.
bool verify_pin(const std::string& stored_hash, const std::string& pin);

}  // namespace easyread::kiosk
