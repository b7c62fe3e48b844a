#include "kiosk/app/tracing_backend.hpp"

namespace easyread::kiosk::ui {

const char* save_result_name(SaveResult r) {
    switch (r) {
        case SaveResult::Stored: return "stored";
        case SaveResult::AlreadyStored: return "already-stored";
        case SaveResult::KeptInRecovery: return "kept-in-recovery";
        case SaveResult::Lost: return "lost";
    }
    return "unknown";
}

}  // namespace easyread::kiosk::ui
