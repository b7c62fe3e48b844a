// A co-production review's sign-off, for the contact page: "Checked by 6
// people from the Fernside Voices group on 3 March 2027". The numbers come
// from the review's answers (report/ counts them; the generator never reads
// answers); the layout prints the claim only for pages whose chunks are
// still those the reviewers saw.
#pragma once
#include <string>
#include <vector>

namespace easyread {

struct ReviewSignOff {
    int people = 0;     // reviewers who finished
    std::string group;  // "Fernside Voices" (as staff typed it); may be empty
    std::string date;   // "3 March 2027": the day of the last finished review
    struct Page {
        std::vector<std::string> keys;  // chunk_key of each chunk the page showed, sorted, each once
        bool easy = false;              // most reviewers chose the happy face
    };
    std::vector<Page> pages;  // the pages as reviewed
};

}  // namespace easyread
