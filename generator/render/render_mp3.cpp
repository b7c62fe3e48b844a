#include "generator/render/render_mp3.hpp"

#include <lame/lame.h>
#include <taglib/chapterframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "base/text_util.hpp"
#include "generator/render/output_file.hpp"

namespace easyread {

namespace {

std::string voice_language(std::string lang) {
    lang = lower(trim(lang));
    return lang.empty() ? "en-gb" : lang;
}

}  // namespace

std::string pronunciation_file_for(const std::string& source_path) {
    if (source_path.empty() || source_path == "-") return "pronounce.txt";
    auto slash = source_path.rfind('/');
    return slash == std::string::npos ? "pronounce.txt" : source_path.substr(0, slash + 1) + "pronounce.txt";
}

bool speak_document(const LaidOutDocument& pages, const Document& doc, const AudioOptions& o, DocumentSpeech& out,
                    Diagnostics& diags, const std::string& output_path) {
    out.script = speech_script(pages);
    Pronunciations words;
    load_spoken_words(words, diags);
    load_pronunciations(pronunciation_file_for(doc.source_path), words, diags);
    std::vector<std::string> texts;
    texts.reserve(out.script.utterances.size());
    for (const auto& u : out.script.utterances) texts.push_back(speakable(u.text, words));
    VoiceOptions v;
    v.voice = o.voice;
    v.lang = voice_language(pages.lang);
    v.words_per_minute = o.words_per_minute;
    v.progress = o.progress;
    std::string error;
    if (!synthesise(texts, v, out.speech, error)) {
        diags.error(output_path, 0, 0, "speech-failed", error,
                    o.voice.empty() ? "Check that espeak-ng-data is installed."
                                    : "Give --voice one of the voices named, or leave it out to use the document's language.");
        return false;
    }
    return true;
}

Mp3Encoder::Mp3Encoder(int sample_rate, std::ostream& out) : out_(out), start_(out.tellp()) {
    lame_global_flags* gf = lame_init();
    lame_set_in_samplerate(gf, sample_rate);
    lame_set_out_samplerate(gf, sample_rate);
    lame_set_num_channels(gf, 1);
    lame_set_mode(gf, MONO);
    lame_set_brate(gf, 48);  // constant 48 kbit/s: clear speech, and chapter times map to bytes evenly
    lame_set_quality(gf, 5);
    lame_set_bWriteVbrTag(gf, 1);  // an Info frame first, so players know the length and the encoder delay
    lame_init_params(gf);
    lame_ = gf;
}

Mp3Encoder::~Mp3Encoder() { lame_close(static_cast<lame_global_flags*>(lame_)); }

void Mp3Encoder::add(const int16_t* samples, std::size_t n) {
    const std::size_t block = 8192;
    for (std::size_t at = 0; at < n; at += block) {
        const int k = static_cast<int>(std::min(block, n - at));
        buf_.resize(static_cast<std::size_t>(1.25 * k) + 7200);
        short* pcm = const_cast<short*>(samples + at);
        int w = lame_encode_buffer(static_cast<lame_global_flags*>(lame_), pcm, pcm, k, buf_.data(),
                                   static_cast<int>(buf_.size()));
        if (w > 0) out_.write(reinterpret_cast<const char*>(buf_.data()), w);
    }
    samples_ += n;
}

void Mp3Encoder::silence(std::size_t n) {
    static const std::vector<int16_t> quiet(8192, 0);
    for (std::size_t at = 0; at < n; at += quiet.size()) add(quiet.data(), std::min(quiet.size(), n - at));
}

void Mp3Encoder::finish() {
    auto* gf = static_cast<lame_global_flags*>(lame_);
    buf_.resize(7200);
    int w = lame_encode_flush(gf, buf_.data(), static_cast<int>(buf_.size()));
    if (w > 0) out_.write(reinterpret_cast<const char*>(buf_.data()), w);
    std::vector<unsigned char> tag(2880);
    std::size_t tag_size = lame_get_lametag_frame(gf, tag.data(), tag.size());
    const std::streampos end = out_.tellp();
    if (tag_size > 0 && end - start_ >= static_cast<std::streamoff>(tag_size)) {
        out_.seekp(start_);
        out_.write(reinterpret_cast<const char*>(tag.data()), static_cast<std::streamsize>(tag_size));
        out_.seekp(end);
    }
}

std::string encode_mp3(const std::vector<int16_t>& samples, int sample_rate) {
    std::ostringstream out;
    Mp3Encoder e(sample_rate, out);
    e.add(samples.data(), samples.size());
    e.finish();
    return std::move(out).str();
}

bool render_mp3(const LaidOutDocument& pages, const Document& doc, const DocumentSpeech& said,
                const std::string& path, Diagnostics& diags) {
    const auto& us = said.script.utterances;
    const int rate = said.speech.sample_rate;
    // One stream, encoded as it is read: each utterance after its pause; where each section starts.
    const std::string tmp = temp_path_for(path);
    std::vector<std::size_t> starts(us.size());
    std::size_t total = 0;
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        Mp3Encoder mp3(rate, f);
        std::vector<int16_t> part;
        bool read = true;
        for (std::size_t i = 0; i < us.size() && read; ++i) {
            mp3.silence(static_cast<std::size_t>(std::lround(us[i].pause_before * rate)));
            starts[i] = mp3.samples();
            part.clear();
            read = said.speech.read(i, part);
            mp3.add(part.data(), part.size());
        }
        mp3.silence(static_cast<std::size_t>(rate / 2));  // half a second of quiet at the end
        total = mp3.samples();
        mp3.finish();
        f.close();
        if (!read || !f) {
            std::remove(tmp.c_str());
            cannot_write(path, read ? "the disk may be full" : "the speech could not be read back", diags);
            return false;
        }
    }

    // ID3v2: title, author, language and the chapters (CHAP per section, one CTOC).
    {
        TagLib::MPEG::File file(tmp.c_str(), false);
        TagLib::ID3v2::Tag* tag = file.ID3v2Tag(true);
        const std::string org = doc.meta.get("organisation");
        tag->setTitle(TagLib::String(pages.title, TagLib::String::UTF8));
        if (!org.empty()) tag->setArtist(TagLib::String(org, TagLib::String::UTF8));
        tag->setAlbum(TagLib::String(pages.title + " (easy read)", TagLib::String::UTF8));
        tag->setGenre("Speech");
        if (auto date = doc.meta.get("date"); !date.empty()) {
            for (std::size_t i = 0; i + 4 <= date.size(); ++i)
                if (std::isdigit(static_cast<unsigned char>(date[i])) && std::isdigit(static_cast<unsigned char>(date[i + 1])) &&
                    std::isdigit(static_cast<unsigned char>(date[i + 2])) && std::isdigit(static_cast<unsigned char>(date[i + 3]))) {
                    tag->setYear(static_cast<unsigned>(std::stoi(date.substr(i, 4))));
                    break;
                }
        }
        auto* lang = new TagLib::ID3v2::TextIdentificationFrame("TLAN", TagLib::String::UTF8);
        lang->setText(TagLib::String(pages.lang, TagLib::String::UTF8));
        tag->addFrame(lang);
        const auto& sections = said.script.sections;
        const double total_ms = 1000.0 * static_cast<double>(total) / rate;
        TagLib::ByteVectorList ids;
        for (std::size_t s = 0; s < sections.size(); ++s) {
            const std::size_t first = sections[s].first;
            // A chapter begins in the silence just before its first words.
            const double pause = first < us.size() ? us[first].pause_before : 0;
            const double start_ms =
                first < us.size() ? 1000.0 * (static_cast<double>(starts[first]) / rate - pause / 2) : total_ms;
            const double end_ms = s + 1 < sections.size() && sections[s + 1].first < us.size()
                                      ? 1000.0 * (static_cast<double>(starts[sections[s + 1].first]) / rate -
                                                  us[sections[s + 1].first].pause_before / 2)
                                      : total_ms;
            TagLib::ByteVector id(("chp" + std::to_string(s)).c_str());
            auto* title = new TagLib::ID3v2::TextIdentificationFrame("TIT2", TagLib::String::UTF8);
            title->setText(TagLib::String(sections[s].title, TagLib::String::UTF8));
            TagLib::ID3v2::FrameList embedded;
            embedded.append(title);
            tag->addFrame(new TagLib::ID3v2::ChapterFrame(id, static_cast<unsigned>(std::max(0.0, start_ms)),
                                                          static_cast<unsigned>(end_ms), 0xFFFFFFFF, 0xFFFFFFFF,
                                                          embedded));
            ids.append(id);
        }
        if (!ids.isEmpty()) {
            auto* toc = new TagLib::ID3v2::TableOfContentsFrame("toc", ids);
            toc->setIsTopLevel(true);
            toc->setIsOrdered(true);
            tag->addFrame(toc);
        }
        if (!file.isValid() || !file.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripOthers, TagLib::ID3v2::v4)) {
            std::remove(tmp.c_str());
            diags.error(path, 0, 0, "cannot-write", "the MP3's tags could not be written", "");
            return false;
        }
    }
    return commit_output(tmp, path, diags);
}

}  // namespace easyread
