// Diagnostics in compiler style: file:line:col: severity[id]: message. hint
#pragma once
#include <string>
#include <vector>

namespace easyread {

enum class Severity { Note, Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Warning;
    std::string file;
    int line = 0;    // 1-based line in the file as an editor shows it; 0 = whole file
    int column = 0;  // 1-based column; 0 = whole line
    std::string id;  // short stable id, e.g. "missing-picture"
    std::string message;
    std::string hint;  // how to fix it; may be empty
    // What `line` counts when not lines: "para" for a Word or OpenDocument
    // file's paragraphs ("strategy.docx:para 42: ...").
    std::string line_label = {};
};

std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void warning(const std::string& file, int line, int column, const std::string& id,
                 const std::string& message, const std::string& hint = {});
    void error(const std::string& file, int line, int column, const std::string& id,
               const std::string& message, const std::string& hint = {});
    const std::vector<Diagnostic>& items() const { return items_; }
    int count(Severity s) const;
    bool has_errors() const { return count(Severity::Error) > 0; }
    // Appends every item to a string, one line each.
    std::string format_all() const;

private:
    std::vector<Diagnostic> items_;
};

}  // namespace easyread
