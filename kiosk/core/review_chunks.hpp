// A co-production review (Survey::review): the document's chunks as the kiosk
// shows them, each word a tap target, and what a reviewer marked in a chunk
// as the value stored under "chunk-<page>-<key>" (see survey/survey.hpp).
// Pure functions: the session keeps the marks, the app draws them.
#pragma once
#include <string>
#include <vector>

namespace easyread::kiosk {

// Where a chunk stands on its page, as fractions of the page's width and
// height from the top left; all 0 when not known (nothing is framed).
struct PageBox {
    double left = 0, top = 0, right = 0, bottom = 0;
    bool empty() const { return right <= left || bottom <= top; }
};

struct ReviewChunk {
    int page = 0;              // 1-based page of the document as laid out
    std::string key;           // chunk_key(words, picture name): results follow the text, never the place
    std::string words;         // the chunk's words on this page, as printed
    std::string picture;       // the picture's name (its alt); empty when none
    std::string picture_file;  // for drawing it
    PageBox box;               // framed on the small picture of the page
};

// A word as shown (punctuation kept: "understand.") and the item stored when
// it is tapped ("word:understand").
struct ReviewWord {
    std::string shown;
    std::string item;
};

// The chunk's words, one target each, in reading order. A sign standing
// alone ("-", "&") is shown with the word before it, never a target of its own.
std::vector<ReviewWord> review_words(const std::string& words);
// "picture:<name>" (a ';' in the name, which would split the value, made ',').
std::string review_picture_item(const std::string& picture_name);
// "chunk-<page>-<key>"
std::string review_answer_id(const ReviewChunk& chunk);
// The stored value with `item` added at the end, or taken away when it is
// there; "seen" when nothing is left marked.
std::string toggle_review_item(const std::string& value, const std::string& item);
// True when `item` is marked in `value`.
bool review_item_marked(const std::string& value, const std::string& item);
// What the audio version says for the chunk: its words ending as a sentence.
std::string review_spoken(const ReviewChunk& chunk);

// The words of the chunk screen.
struct ReviewWords {
    const char* title = "Touch a word you do not understand.";
    const char* picture_title = "Touch the picture if it does not help you.";  // a chunk with no words
    const char* picture_label = "This picture does not help";
    const char* help =
        "Touch a word you do not understand. Touch the picture if it does not help you. "
        "Touch it again to take it away. Then touch Next.";
    const char* unmarked_after = ". Taken away.";  // said after a word is untapped
    const char* review_row = "You touched these";  // "Your answers": what was marked in a chunk, after "Page 2: "
};
const ReviewWords& review_screen_words();

}  // namespace easyread::kiosk
