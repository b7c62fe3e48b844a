// The live preview: the generator's own pages of the text being edited,
// drawn as PNG at a small resolution. Each save asks for a preview; a worker
// thread compiles only the newest text of each document, redraws only the
// pages whose content changed, and announces them by server-sent event
// ("pages"), then the check's warnings and the hard words ("check").
#pragma once
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "generator/pipeline.hpp"
#include "generator/render/draw_page.hpp"
#include "studio/event_hub.hpp"
#include "studio/pictures_library.hpp"

namespace easyread::studio {

// A compile of a document's text, with the bank it used kept alive.
struct Build {
    std::shared_ptr<const symbols::Bank> bank;
    std::unique_ptr<Compiled> c;
    Diagnostics diags;  // when the text could not be read at all
};

// Compiles `text` as if it were the file at `path` (pictures beside it are
// found). With `checks_for_pages` > 0 only the checks run (no layout),
// taking that as the page count.
Build compile_text(const std::string& path, const std::string& text, const PictureLibrary& pictures,
                   int checks_for_pages = 0);

// The page (index) of each block of the document, -1 when on none.
std::vector<int> page_of_blocks(const Compiled& c);
// The page index showing source line `line`, or -1.
int page_of_line(const Compiled& c, const std::vector<int>& block_pages, int line);

// Draws one page as PNG bytes; `pictures` keeps each picture file loaded between pages and previews.
std::string page_png(const Compiled& c, std::size_t index, double dpi, PictureCache& pictures);

class PreviewService {
public:
    PreviewService(PictureLibrary& pictures, EventHub& hub, double dpi);
    ~PreviewService();
    PreviewService(const PreviewService&) = delete;
    PreviewService& operator=(const PreviewService&) = delete;

    // Asks for a preview of `doc` (stored at `path`) at `version`. Only the
    // newest request of a document is made.
    void request(const std::string& doc, const std::string& path, const std::string& text,
                 const std::string& version);
    // A page drawn by the last preview; false when there is none.
    bool page(const std::string& doc, std::size_t index, std::string& png) const;
    // The last "pages" and "check" messages (JSON) of a document, for a page
    // that opens it after they were sent; empty when none yet.
    std::string last_pages(const std::string& doc) const;
    std::string last_check(const std::string& doc) const;
    // Waits until no preview is pending or being made (tests, benchmarks).
    void wait_idle();

private:
    struct Job {
        std::string path, text, version;
    };
    struct PageImage {
        std::string signature;
        int revision = 0;
        std::string png;
    };
    struct DocPreview {
        std::vector<PageImage> pages;
        int next_revision = 1;
        std::string pages_json, check_json;
    };
    // A document's checks, waiting while other documents' pages are made.
    struct CheckJob {
        Job job;
        std::shared_ptr<Build> build;  // the pages' compile
        std::vector<int> block_pages;
    };
    void run();         // the pages, one document at a time, the longest waiting first
    void run_checks();  // the checks, on a thread of their own: pages never wait for one
    void make(const std::string& doc, const Job& job);
    void check(const std::string& doc, const CheckJob& job);

    PictureLibrary& pictures_;
    EventHub& hub_;
    double dpi_;
    mutable std::mutex lock_;
    std::condition_variable wake_, idle_;
    std::map<std::string, Job> pending_;
    std::deque<std::string> order_;  // the documents of pending_, the longest waiting first
    std::map<std::string, CheckJob> checks_;
    std::map<std::string, DocPreview> docs_;
    bool busy_ = false, checking_ = false;
    std::unique_ptr<PictureCache> pictures_drawn_;  // used by the worker only
    bool stop_ = false;
    std::thread worker_, checker_;
};

}  // namespace easyread::studio
