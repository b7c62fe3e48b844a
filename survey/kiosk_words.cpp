#include "survey/kiosk_words.hpp"

namespace easyread::survey {

const KioskWords& kiosk_words() {
    static const KioskWords words;  // constant table, never changed: not UI state
    return words;
}

}  // namespace easyread::survey
