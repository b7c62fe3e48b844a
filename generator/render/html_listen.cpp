#include "generator/render/html_listen.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "base/text_util.hpp"
#include "generator/render/output_file.hpp"

namespace easyread {

std::string listen_label(const std::string& text) {
    std::string out;
    int words = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (space) {
            if (out.empty() || out.back() == ' ') continue;
            // A sentence ends at ". ", "? " or "! ", and the name with it.
            const char last = out.back();
            if (last == '.' || last == '?' || last == '!') break;
            if (++words == 12) {
                cut = true;
                break;
            }
            out += ' ';
        } else {
            out += c;
        }
    }
    // A name a screen reader says in a breath: a long web address is cut
    // (at a space if there is one, else inside it, never inside a letter).
    const std::size_t most = 80;
    if (out.size() > most) {
        std::size_t at = out.rfind(' ', most);
        if (at == std::string::npos || at < most / 2) {
            at = most;
            while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
        }
        out.resize(at);
        cut = true;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ':' || out.back() == ','))
        out.pop_back();
    return "Listen: " + out + (cut ? " \xE2\x80\xA6" : "");
}

namespace {

// Removes the clips an earlier build left in the folder ("12.mp3"), so none
// of a longer document's clips stay beside a shorter one.
void remove_old_clips(const std::string& folder) {
    DIR* d = ::opendir(folder.c_str());
    if (!d) return;
    while (dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        const auto dot = name.find('.');
        if (dot == 0 || dot == std::string::npos || name.substr(dot) != ".mp3" ||
            name.find_first_not_of("0123456789") != dot)
            continue;
        std::remove((folder + "/" + name).c_str());
    }
    ::closedir(d);
}

}  // namespace

bool render_listen_html(const LaidOutDocument& doc, const DocumentSpeech& said, const std::string& path,
                        std::vector<std::string>& written, Diagnostics& diags) {
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    std::string name = path.substr(dir.size());
    name = name.substr(0, name.rfind('.')) + "-audio";
    const std::string folder = dir + name;
    if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
        cannot_write(folder, std::strerror(errno), diags);
        return false;
    }
    remove_old_clips(folder);
    // A chunk's clip: its own words (a chunk split over two pages is one clip),
    // with a moment of quiet at each end so players do not cut the first word.
    const auto& us = said.script.utterances;
    std::map<int, std::vector<std::size_t>> parts;
    for (std::size_t i = 0; i < us.size(); ++i)
        if (us[i].chunk >= 0) parts[us[i].chunk].push_back(i);
    const int rate = said.speech.sample_rate;
    const std::size_t quiet = static_cast<std::size_t>(rate / 10);
    ListenClips clips;
    std::vector<int16_t> samples;
    for (const auto& [chunk, which] : parts) {
        samples.clear();
        for (std::size_t i : which) {
            samples.resize(samples.size() + quiet, 0);
            if (!said.speech.read(i, samples)) {
                cannot_write(folder, "the speech could not be read back", diags);
                return false;
            }
        }
        samples.resize(samples.size() + quiet, 0);
        const std::string mp3 = encode_mp3(samples, rate);
        const std::string file = std::to_string(chunk) + ".mp3";
        std::ofstream f(folder + "/" + file, std::ios::binary | std::ios::trunc);
        f.write(mp3.data(), static_cast<std::streamsize>(mp3.size()));
        f.close();
        if (!f) {
            cannot_write(folder + "/" + file, "the file could not be written", diags);
            return false;
        }
        clips[chunk] = {name + "/" + file, listen_label(us[which.front()].text)};
    }
    written.push_back(folder + "/");
    if (!render_html_listen(doc, clips, path, diags)) return false;
    written.push_back(path);
    return true;
}

std::string listen_button(const ListenClips* clips, int chunk) {
    if (!clips) return {};
    auto it = clips->find(chunk);
    if (it == clips->end()) return {};
    return "<button type=\"button\" class=\"listen\" aria-pressed=\"false\" aria-label=\"" +
           html_escape(it->second.label) + "\" data-audio=\"" + html_escape(it->second.src) +
           "\"><span aria-hidden=\"true\" class=\"listen-icon\">&#9654;</span> Listen</button>";
}

const char* listen_style() {
    return R"(
button.listen{display:inline-flex;align-items:center;gap:.4em;margin:.4em 0;min-height:48px;min-width:8em;
 padding:.3em 1em;font:inherit;font-weight:bold;color:#fff;background:#0B4F9C;border:3px solid #0B4F9C;
 border-radius:.5em;cursor:pointer}
button.listen:hover{background:#083a73}
button.listen:focus-visible{outline:4px solid #111;outline-offset:3px}
button.listen[aria-pressed="true"]{background:#fff;color:#0B4F9C}
)";
}

const char* listen_script() {
    return R"(
(function(){
  var player = new Audio(), current = null;
  function stop(){ if (current) current.setAttribute('aria-pressed','false'); current = null; }
  player.addEventListener('ended', stop);
  player.addEventListener('error', stop);
  document.addEventListener('click', function(e){
    var b = e.target.closest('button.listen');
    if (!b) return;
    var again = b === current;
    player.pause();
    stop();
    if (again) return;
    player.src = b.getAttribute('data-audio');
    current = b;
    b.setAttribute('aria-pressed','true');
    player.play().catch(stop);
  });
})();
)";
}

}  // namespace easyread
