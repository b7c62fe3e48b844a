// The staff PIN: kept only as a libsodium crypto_pwhash (Argon2id) string.
#pragma once
#include <string>

namespace easyread::kiosk {

constexpr int kPinMinDigits = 4;
constexpr int kPinMaxDigits = 8;

// True when `pin` is kPinMinDigits..kPinMaxDigits digits.
bool pin_is_well_formed(const std::string& pin);
// "$argon2id$..." (salted, interactive cost); empty on failure (out of memory).
std::string hash_pin(const std::string& pin);
// Constant-time check of a PIN against hash_pin() output.
bool verify_pin(const std::string& stored_hash, const std::string& pin);

}  // namespace easyread::kiosk
