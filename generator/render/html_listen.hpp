// Listen buttons in the HTML: a large labelled button on every chunk and
// heading that plays that chunk's speech, never by itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "generator/render/render_mp3.hpp"

namespace easyread {

// One chunk's speech: its file, relative to the HTML, and the button's name.
struct ListenClip {
    std::string src;    // "strategy-audio/12.mp3"
    std::string label;  // "Listen: We will open a crisis café"
};
// Chunk number -> its clip.
using ListenClips = std::map<int, ListenClip>;

// The button's name for a chunk that says `text`: "Listen: " and its first
// sentence, cut after a dozen words.
std::string listen_label(const std::string& text);

// The HTML with a Listen button on every chunk; each chunk's clip is a small
// MP3 in a folder beside it (NAME-audio/CHUNK.mp3), made and written one at a
// time. Written files are appended to `written`.
bool render_listen_html(const LaidOutDocument& doc, const DocumentSpeech& speech, const std::string& path,
                        std::vector<std::string>& written, Diagnostics& diags);

// The button for one chunk, or nothing when the chunk has no clip.
std::string listen_button(const ListenClips* clips, int chunk);
// The buttons' style and the script that plays a clip on a click or key press.
const char* listen_style();
const char* listen_script();

// The HTML file with a Listen button on every chunk that has a clip (render_html.cpp).
bool render_html_listen(const LaidOutDocument& doc, const ListenClips& clips, const std::string& path,
                        Diagnostics& diags);

}  // namespace easyread
