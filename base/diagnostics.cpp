#include "base/diagnostics.hpp"

namespace easyread {

static const char* severity_name(Severity s) {
    switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("easyread") : d.file;
    if (d.line > 0) {
        out += ":" + (d.line_label.empty() ? std::string() : d.line_label + " ") + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    out += ": ";
    out += severity_name(d.severity);
    if (!d.id.empty()) out += "[" + d.id + "]";
    out += ": " + d.message;
    if (!d.hint.empty()) {
        if (!out.empty() && out.back() != '.') out += ".";
        out += " " + d.hint;
    }
    return out;
}

void Diagnostics::warning(const std::string& file, int line, int column, const std::string& id,
                          const std::string& message, const std::string& hint) {
    items_.push_back({Severity::Warning, file, line, column, id, message, hint});
}

void Diagnostics::error(const std::string& file, int line, int column, const std::string& id,
                        const std::string& message, const std::string& hint) {
    items_.push_back({Severity::Error, file, line, column, id, message, hint});
}

int Diagnostics::count(Severity s) const {
    int n = 0;
    for (const auto& d : items_) n += d.severity == s ? 1 : 0;
    return n;
}

std::string Diagnostics::format_all() const {
    std::string out;
    for (const auto& d : items_) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace easyread
