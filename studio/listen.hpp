// "Listen": one page or one chunk said aloud, with the audio version's own
// script and pronunciations, as a short MP3.
#pragma once
#include <string>

#include "generator/pipeline.hpp"

namespace easyread::studio {

// `page` is a page index, or -1 to say the chunk showing source line `line`.
// False with the reason in `error` when there is nothing to say or speech fails.
bool listen_mp3(const Compiled& c, int page, int line, std::string& mp3, std::string& error);

}  // namespace easyread::studio
