#include "generator/render/html_listen.hpp"

#include <glib.h>
#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

#include "generator/render/output_file.hpp"

namespace easyread {

std::map<int, std::string> listen_mp3s(const DocumentSpeech& said) {
    const auto& us = said.script.utterances;
    const int rate = said.speech.sample_rate;
    // A chunk's clip: its own words (a chunk split over two pages is one clip),
    // with a moment of quiet at each end so players do not cut the first word.
    std::map<int, std::vector<int16_t>> pcm;
    const std::size_t quiet = static_cast<std::size_t>(rate / 10);
    for (std::size_t i = 0; i < us.size(); ++i) {
        if (us[i].chunk < 0) continue;
        auto& p = pcm[us[i].chunk];
        p.resize(p.size() + quiet, 0);
        p.insert(p.end(), said.speech.parts[i].begin(), said.speech.parts[i].end());
    }
    std::map<int, std::string> out;
    for (auto& [chunk, samples] : pcm) {
        samples.resize(samples.size() + quiet, 0);
        out[chunk] = encode_mp3(samples, rate);
    }
    return out;
}

bool render_listen_html(const LaidOutDocument& doc, const DocumentSpeech& speech, const std::string& path,
                        std::vector<std::string>& written, Diagnostics& diags) {
    const auto mp3s = listen_mp3s(speech);
    std::size_t total = 0;
    for (const auto& kv : mp3s) total += kv.second.size();
    ListenClips clips;
    if (total <= kListenEmbedLimit) {
        for (const auto& [chunk, mp3] : mp3s) {
            gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(mp3.data()), mp3.size());
            clips[chunk] = std::string("data:audio/mpeg;base64,") + b64;
            g_free(b64);
        }
    } else {
        const auto slash = path.rfind('/');
        const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
        std::string name = path.substr(dir.size());
        name = name.substr(0, name.rfind('.')) + "-audio";
        const std::string folder = dir + name;
        if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
            cannot_write(folder, std::strerror(errno), diags);
            return false;
        }
        for (const auto& [chunk, mp3] : mp3s) {
            const std::string file = std::to_string(chunk) + ".mp3";
            std::ofstream f(folder + "/" + file, std::ios::binary | std::ios::trunc);
            f.write(mp3.data(), static_cast<std::streamsize>(mp3.size()));
            f.close();
            if (!f) {
                cannot_write(folder + "/" + file, "the file could not be written", diags);
                return false;
            }
            clips[chunk] = name + "/" + file;
        }
        written.push_back(folder + "/");
    }
    if (!render_html_listen(doc, clips, path, diags)) return false;
    written.push_back(path);
    return true;
}

std::string listen_button(const ListenClips* clips, int chunk) {
    if (!clips) return {};
    auto it = clips->find(chunk);
    if (it == clips->end()) return {};
    return "<button type=\"button\" class=\"listen\" aria-pressed=\"false\" data-audio=\"" + it->second +
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
