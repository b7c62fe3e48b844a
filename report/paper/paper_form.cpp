#include "report/paper/paper_form.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "survey/kiosk_words.hpp"
#include "generator/layout/text_layout.hpp"
#include "report/outputs/pdf_canvas.hpp"

namespace easyread::report {

namespace {

constexpr unsigned kInk = 0x111111, kGrey = 0x555555, kBox = 0x6B7A8F;
constexpr double kQuestionPt = 20, kBodyPt = 16, kLabelPt = 15;

struct Choice {
    std::string label, picture, value;
};

std::string esc(const std::string& s) { return markup_escape(s); }

// Help words are written for the touchscreen: on paper people circle, and
// there are no Next or Back buttons.
std::string paper_words(const std::string& help) {
    std::string out, sentence;
    for (std::size_t i = 0; i <= help.size(); ++i) {
        char c = i < help.size() ? help[i] : '\0';
        if (c != '\0') sentence += c;
        if (c != '\0' && c != '.' && c != '?' && c != '!') continue;
        bool screen_only = sentence.find("Next") != std::string::npos || sentence.find("Back") != std::string::npos ||
                           sentence.find("Listen") != std::string::npos;
        for (auto [from, to] : {std::pair<const char*, const char*>{"Touch", "Circle"}, {"touch", "circle"}})
            for (std::size_t p = 0; (p = sentence.find(from, p)) != std::string::npos; p += std::strlen(to))
                sentence.replace(p, std::strlen(from), to);
        if (!screen_only) out += sentence;
        sentence.clear();
    }
    std::size_t a = out.find_first_not_of(' ');
    return a == std::string::npos ? std::string() : out.substr(a);
}

class FormPdf {
public:
    FormPdf(const survey::Survey& s, PdfCanvas& c) : s_(s), c_(c) {}

    void run() {
        c_.set_footer(s_.title + "      Form number: ______________");
        intro();
        consent();
        who();
        for (const auto& q : s_.questions) question(q);
        anything_else();
        thanks();
    }

private:
    const survey::Survey& s_;
    PdfCanvas& c_;
    const survey::KioskWords& w_ = survey::kiosk_words();
    int number_ = 0;
    double slot_top_ = PdfCanvas::kMargin;

    double half() const { return (c_.bottom() - c_.top()) / 2; }

    void intro() {
        c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(s_.title), c_.style(26, true), "H1") + 14;
        if (!s_.document_label.empty())  // a page-by-page review names the document (and its edition) it is about
            c_.y += c_.text(c_.left(), c_.y, c_.width(), "This form is about the document " + esc(s_.document_label) + ".",
                            c_.style(kBodyPt, true), "P") + 10;
        double top = c_.y;
        c_.picture("write", c_.left(), top, 64, "A pen writing");
        double x = c_.left() + 80, w = c_.width() - 80;
        double at = top;
        at += c_.text(x, at, w, "Please tell us what you think.", c_.style(kBodyPt), "P") + 4;
        at += c_.text(x, at, w, "Draw a circle round your answer, like this:", c_.style(kBodyPt), "P") + 6;
        // A worked example: a happy face with a circle drawn round it.
        c_.picture("happy", x + 14, at + 6, 44, "A happy face with a circle round it");
        cairo_t* cr = c_.cr();
        c_.set_colour(kInk);
        cairo_set_line_width(cr, 2.5);
        cairo_save(cr);
        cairo_translate(cr, x + 36, at + 28);
        cairo_scale(cr, 36, 30);
        cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
        cairo_restore(cr);
        cairo_stroke(cr);
        at += 64;
        at += c_.text(x, at, w, "Someone can help you fill it in. You can stop at any time.", c_.style(kBodyPt), "P");
        c_.y = std::max(at, top + 64) + 16;
    }

    // The instruction under a question, and the boxes to circle.
    double choices_height(const std::vector<Choice>& cs) const {
        std::size_t per_row = cs.size() <= 5 ? cs.size() : (cs.size() + 1) / 2;
        std::size_t rows = (cs.size() + per_row - 1) / per_row;
        double cell_w = c_.width() / static_cast<double>(per_row);
        double label_h = 0;
        for (const auto& ch : cs) label_h = std::max(label_h, c_.measure(esc(ch.label), c_.style(kLabelPt, true), cell_w - 16));
        return static_cast<double>(rows) * (picture_size(per_row) + label_h + 40);
    }

    static double picture_size(std::size_t per_row) { return per_row <= 3 ? 84 : per_row == 4 ? 76 : 62; }

    void choices(const std::vector<Choice>& cs) {
        std::size_t per_row = cs.size() <= 5 ? cs.size() : (cs.size() + 1) / 2;
        double cell_w = c_.width() / static_cast<double>(per_row);
        double pic = picture_size(per_row);
        double label_h = 0;
        for (const auto& ch : cs) label_h = std::max(label_h, c_.measure(esc(ch.label), c_.style(kLabelPt, true), cell_w - 16));
        const double row_h = pic + label_h + 40;
        cairo_t* cr = c_.cr();
        cairo_tag_begin(cr, "L", nullptr);
        for (std::size_t i = 0; i < cs.size(); ++i) {
            double x = c_.left() + cell_w * static_cast<double>(i % per_row);
            double top = c_.y + row_h * static_cast<double>(i / per_row);
            // A box round each answer shows where to draw the circle.
            c_.set_colour(kBox);
            cairo_set_line_width(cr, 1.2);
            double bx = x + 4, by = top + 2, bw = cell_w - 8, bh = row_h - 10, r = 12;
            cairo_new_sub_path(cr);
            cairo_arc(cr, bx + bw - r, by + r, r, -M_PI / 2, 0);
            cairo_arc(cr, bx + bw - r, by + bh - r, r, 0, M_PI / 2);
            cairo_arc(cr, bx + r, by + bh - r, r, M_PI / 2, M_PI);
            cairo_arc(cr, bx + r, by + r, r, M_PI, 3 * M_PI / 2);
            cairo_close_path(cr);
            cairo_stroke(cr);
            cairo_tag_begin(cr, "LI", nullptr);
            c_.picture(cs[i].picture, x + (cell_w - pic) / 2, top + 10, pic, cs[i].label);
            double at = top + 14 + pic;
            c_.text(x + 8, at, cell_w - 16, esc(cs[i].label), c_.style(kLabelPt, true), "LBody", PANGO_ALIGN_CENTER);
            c_.text(x + 8, top + row_h - 24, cell_w - 16, esc(cs[i].value), c_.style(8, false, kGrey), nullptr,
                    PANGO_ALIGN_CENTER);
            cairo_tag_end(cr, "LI");
        }
        cairo_tag_end(cr, "L");
        std::size_t rows = (cs.size() + per_row - 1) / per_row;
        c_.y += row_h * static_cast<double>(rows);
    }

    double writing_box_height() const { return 170; }

    void writing_box() {
        cairo_t* cr = c_.cr();
        c_.set_colour(kBox);
        cairo_set_line_width(cr, 1.2);
        cairo_rectangle(cr, c_.left(), c_.y, c_.width(), writing_box_height());
        cairo_stroke(cr);
        cairo_set_line_width(cr, 0.6);
        for (double ly = c_.y + 36; ly < c_.y + writing_box_height() - 10; ly += 32) {
            cairo_move_to(cr, c_.left() + 12, ly);
            cairo_line_to(cr, c_.right() - 12, ly);
        }
        cairo_stroke(cr);
        c_.y += writing_box_height() + 6;
    }

    double heading_height(const std::string& text, const std::string& help) const {
        double w = c_.width() - 84;
        double h = std::max(64.0, 18 + c_.measure(esc(text), c_.style(kQuestionPt, true), w));
        if (!help.empty()) h += 4 + c_.measure(esc(help), c_.style(14, false, kGrey), c_.width());
        return h + 36;  // the instruction line
    }

    void heading(const std::string& small, const std::string& text, const std::string& picture, const std::string& help,
                 const std::string& instruction) {
        double top = c_.y;
        c_.picture(picture, c_.left(), top, 64);
        double x = c_.left() + 84, w = c_.width() - 84;
        double at = top + c_.text(x, top, w, esc(small), c_.style(11, false, kGrey), "P");
        at += c_.text(x, at, w, esc(text), c_.style(kQuestionPt, true), "H2");
        c_.y = std::max(at, top + 64) + 4;
        if (!help.empty()) c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(help), c_.style(14, false, kGrey), "P") + 4;
        c_.y += c_.text(c_.left(), c_.y + 4, c_.width(), "<b>" + esc(instruction) + "</b>", c_.style(kBodyPt), "P") + 14;
    }

    // Questions start at the top or the middle of a page; a tall one takes a page.
    void start_block(double height) {
        if (c_.y > c_.top() + 0.01) {
            double middle = c_.top() + half();
            if (c_.y <= middle && height <= c_.bottom() - middle) c_.y = middle;
            else c_.new_page();
        }
        slot_top_ = c_.y;
        cairo_t* cr = c_.cr();
        if (slot_top_ > c_.top() + 0.01) {  // a fold line between two half-page questions
            cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
            cairo_set_line_width(cr, 0.8);
            cairo_move_to(cr, c_.left(), slot_top_ - 10);
            cairo_line_to(cr, c_.right(), slot_top_ - 10);
            cairo_stroke(cr);
        }
    }

    void consent() {
        std::vector<Choice> cs = {{w_.consent_yes.label, w_.consent_yes.picture, ""},
                                  {w_.consent_no.label, w_.consent_no.picture, ""}};
        c_.ensure(heading_height(w_.consent_title, w_.consent_body) + choices_height(cs));
        heading("Before you start", w_.consent_title, "consent", w_.consent_body, "Circle 1 answer.");
        choices(cs);
        c_.y += 10;
    }

    void who() {
        std::vector<Choice> cs;
        for (const auto& w : w_.who) cs.push_back({w.label, w.picture, w.id});
        c_.ensure(heading_height(w_.who_title, "") + choices_height(cs));
        heading("About you", w_.who_title, "people", "", "Circle 1 answer.");
        choices(cs);
    }

    void question(const survey::Question& q) {
        ++number_;
        std::string small = "Question " + std::to_string(number_) + "   (for staff: column " + q.id + ")";
        std::string text = q.page > 0 ? w_.page_prefix + std::to_string(q.page) + ". " + q.text : q.text;
        std::vector<Choice> cs;
        for (const auto& o : q.options) cs.push_back({o.label, o.picture, o.id});
        const char* instruction = q.is_comment() ? "Write your answer in the box. Someone can write it for you."
                                  : q.is_multi() ? "Circle every answer you want."
                                                 : "Circle 1 answer.";
        double h = heading_height(text, paper_words(q.help)) + (q.is_comment() ? writing_box_height() : choices_height(cs));
        start_block(h);
        heading(small, text, q.picture.empty() ? "question" : q.picture, paper_words(q.help), instruction);
        if (q.is_comment()) writing_box();
        else choices(cs);
    }

    // The kiosk's last screen, on paper too: import takes its column, anything-else.
    void anything_else() {
        survey::Question q;
        q.id = survey::kAnythingElseId;
        q.text = w_.anything_else_title;
        q.type = survey::QuestionType::Comment;
        q.picture = "comment";
        question(q);
    }

    void thanks() {
        start_block(220);
        double top = c_.y;
        c_.picture("thank-you", c_.left(), top, 64);
        double x = c_.left() + 84, w = c_.width() - 84;
        double at = top + c_.text(x, top, w, esc(w_.thanks_title), c_.style(24, true), "H2") + 6;
        at += c_.text(x, at, w, "Please give this form to a member of staff.", c_.style(kBodyPt), "P");
        c_.y = std::max(at, top + 64) + 30;
        c_.y += c_.text(c_.left(), c_.y, c_.width(), "For staff:  event ____________________   date ____________   "
                                                     "typed in by ____________",
                        c_.style(11, false, kGrey), "P");
    }
};

}  // namespace

bool render_paper_form(const survey::Survey& survey, const symbols::Bank& bank, const std::string& path,
                       Diagnostics& diags) {
    PdfCanvas canvas(path, survey.title + " - paper form", survey.lang, bank, diags);
    if (!canvas.ok()) return false;
    FormPdf(survey, canvas).run();
    return canvas.finish();
}

std::string import_header(const survey::Survey& survey) {
    std::string s = "response_id,respondent";
    for (const auto& q : survey.questions) s += "," + q.id;
    return s + "," + survey::kAnythingElseId;
}

}  // namespace easyread::report
