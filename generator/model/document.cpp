#include "generator/model/document.hpp"

#include <algorithm>

namespace easyread {

std::string Block::plain_text() const {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

FilePos WrittenBlock::where(std::size_t byte) const {
    if (pos.empty()) return at;
    return pos[std::min(byte, pos.size() - 1)];
}

bool WrittenBlock::is_bold(std::size_t begin, std::size_t end) const {
    for (const auto& r : bold)
        if (r.begin <= begin && end <= r.end) return true;
    return false;
}

bool WrittenBlock::is_italic(std::size_t begin) const {
    for (const auto& r : italic)
        if (r.begin <= begin && begin < r.end) return true;
    return false;
}

}  // namespace easyread
