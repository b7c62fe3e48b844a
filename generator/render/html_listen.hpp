// Listen buttons in the HTML: a large labelled button on every chunk and
// heading that plays that chunk's speech, never by itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "generator/render/render_mp3.hpp"

namespace easyread {

// Chunk number -> where its speech is (a data: URI, or a file name relative to the HTML).
using ListenClips = std::map<int, std::string>;

// Each chunk's speech as a short MP3, by chunk number.
std::map<int, std::string> listen_mp3s(const DocumentSpeech& speech);

// Clips up to this many bytes in all are embedded in the HTML as data: URIs;
// above it they go in a folder beside it (NAME-audio/CHUNK.mp3).
constexpr std::size_t kListenEmbedLimit = 6 * 1024 * 1024;

// The HTML with a Listen button on every chunk; the clips embedded or, for a
// long document, in a folder beside it. Written files are appended to `written`.
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
