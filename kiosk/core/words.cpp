#include "kiosk/core/words.hpp"

namespace easyread::kiosk {

const KioskWords& kiosk_words() {
    static const KioskWords words;  // constant table, never changed: not UI state
    return words;
}

}  // namespace easyread::kiosk
