#include "generator/model/document.hpp"

namespace easyread {

std::string Block::plain_text() const {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

}  // namespace easyread
