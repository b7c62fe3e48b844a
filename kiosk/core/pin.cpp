#include "kiosk/core/pin.hpp"

#include <sodium.h>

#include <cctype>

namespace easyread::kiosk {

bool pin_is_well_formed(const std::string& pin) {
    if (pin.size() < static_cast<std::size_t>(kPinMinDigits) || pin.size() > static_cast<std::size_t>(kPinMaxDigits))
        return false;
    for (unsigned char c : pin)
        if (!std::isdigit(c)) return false;
    return true;
}

bool pin_is_guessable(const std::string& pin) {
    const std::size_t n = pin.size();
    if (n < 2) return true;
    bool up = true, down = true;
    for (std::size_t i = 1; i < n; ++i) {
        int d = (pin[i] - pin[i - 1] + 10) % 10;
        up = up && d == 1;
        down = down && d == 9;
    }
    if (up || down) return true;
    // A pattern of 1, 2 or 3 digits repeated over the whole PIN (also 000000).
    for (std::size_t period = 1; period <= 3 && period < n; ++period) {
        bool repeats = true;
        for (std::size_t i = period; i < n && repeats; ++i) repeats = pin[i] == pin[i - period];
        if (repeats) return true;
    }
    return false;
}

std::string hash_pin(const std::string& pin) {
    if (sodium_init() < 0) return {};
    char out[crypto_pwhash_STRBYTES];
    // Interactive cost: a fraction of a second on a kiosk, far too slow to
    // try all 10^8 PINs of a copied database in reasonable time.
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verify_pin(const std::string& stored_hash, const std::string& pin) {
    if (stored_hash.empty() || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace easyread::kiosk
