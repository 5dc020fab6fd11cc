#include "kaigo/report/typeset.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/report/detail/fit.hpp"
#include "kaigo/report/detail/table_layout.hpp"
#include "kaigo/report/detail/text_engine.hpp"

namespace kaigo::report {
namespace {

constexpr double kA4Short = 210 * 72 / 25.4;
constexpr double kA4Long = 297 * 72 / 25.4;

class Typesetter {
 public:
  Typesetter(const Content& c, const PageStyle& s) : c_(c), s_(s) {}
  std::vector<PageLayout> run();

 private:
  std::vector<Fitted> fit(const TextLine& line, double avail, double size) { return fit_.fit(line, avail, size); }
  double lines_height(const std::vector<Fitted>& lines, double empty_size) const { return fit_.height(lines, empty_size); }
  // Fixed parts of every page
  void measure_frame();
  PageLayout new_page();
  void place_line(PageLayout& p, const Fitted& f, double x, double y, const Box& limit);
  void place_aligned(PageLayout& p, const std::vector<Fitted>& lines, Align a, const Box& inner);
  void add_frame_texts(PageLayout& p, int page_no, int pages);
  // Tables
  PreparedTable prepare(const ContentTable& t, double scale);
  double caption_height() const { return te_.line_height(s_.caption_size) + 2; }
  void place_caption(PageLayout& p, const PreparedTable& pt, bool continued);
  void place_head(PageLayout& p, const PreparedTable& pt);
  void place_row(PageLayout& p, const PreparedTable& pt, const FittedRow& r, bool first_total);
  void close_piece(PageLayout& p, const PreparedTable& pt, double top);
  void flow(const ContentTable& t);
  void break_page();

  const Content& c_;
  const PageStyle& s_;
  TextEngine te_;
  Fitter fit_{te_, s_.min_size};
  double page_w_ = 0, page_h_ = 0;
  Box printable_, title_, header_, body_, footer_;
  std::vector<std::vector<Fitted>> notes_;
  std::vector<PageLayout> pages_;
  double y_ = 0;
};

void Typesetter::measure_frame() {
  bool landscape = c_.orientation == Orientation::Landscape;
  page_w_ = landscape ? kA4Long : kA4Short;
  page_h_ = landscape ? kA4Short : kA4Long;
  printable_ = {s_.margin, s_.margin, page_w_ - 2 * s_.margin, page_h_ - 2 * s_.margin};
  title_ = {printable_.x, printable_.y, printable_.w, te_.line_height(s_.title_size)};
  double header_line = te_.line_height(s_.header_size);
  header_ = {printable_.x, printable_.y, printable_.w, title_.h + 6 + 2 * header_line};
  double notes_h = 0;
  for (const auto& n : c_.notes) {
    notes_.push_back(fit({n, false}, printable_.w, s_.note_size));
    notes_h += lines_height(notes_.back(), s_.note_size);
  }
  auto issuer_lines = static_cast<double>(std::max<std::size_t>(1, c_.issuer.size()));
  double footer_h = issuer_lines * te_.line_height(s_.footer_size) + (notes_h > 0 ? notes_h + 4 : 0);
  footer_ = {printable_.x, printable_.bottom() - footer_h, printable_.w, footer_h};
  double body_top = header_.bottom() + 8;
  body_ = {printable_.x, body_top, printable_.w, footer_.y - 6 - body_top};
}

void Typesetter::place_line(PageLayout& p, const Fitted& f, double x, double y, const Box& limit) {
  if (f.text.empty()) return;
  p.texts.push_back({f.text, x, y, f.size, f.width, te_.line_height(f.size), limit});
}

// Lines stacked and centred vertically in `inner`, each aligned horizontally.
void Typesetter::place_aligned(PageLayout& p, const std::vector<Fitted>& lines, Align a, const Box& inner) {
  double y = inner.y + (inner.h - lines_height(lines, s_.cell_size)) / 2;
  for (const auto& l : lines) {
    double x = inner.x;
    if (a == Align::Center) x = inner.x + (inner.w - l.width) / 2;
    if (a == Align::Right) x = inner.right() - l.width;
    place_line(p, l, x, y, inner);
    y += te_.line_height(l.text.empty() ? s_.cell_size : l.size);
  }
}

PageLayout Typesetter::new_page() {
  PageLayout p;
  p.width = page_w_;
  p.height = page_h_;
  p.printable = printable_;
  p.title = title_;
  p.header = header_;
  p.body = body_;
  p.footer = footer_;
  auto title = fit({c_.title, true}, printable_.w, s_.title_size);
  place_aligned(p, title, Align::Center, title_);
  const auto& t = p.texts.back();
  p.rules.push_back({t.x, title_.bottom() + 1, t.x + t.width, title_.bottom() + 1, 0.8});
  double line_h = te_.line_height(s_.header_size);
  Box line1{printable_.x, title_.bottom() + 6, printable_.w, line_h};
  Box line2{printable_.x, line1.bottom(), printable_.w, line_h};
  double third = printable_.w / 3;
  auto header_text = [&](const std::string& s, Align a, Box b) {
    place_aligned(p, fit({s, true}, b.w, s_.header_size), a, b);
  };
  header_text(c_.office_no_label + "　" + c_.office_no, Align::Left, {line1.x, line1.y, third, line_h});
  header_text(c_.month_text, Align::Center, {line1.x + third, line1.y, third, line_h});
  if (!c_.created_text.empty()) header_text(c_.created_text, Align::Right, {line1.x + 2 * third, line1.y, third, line_h});
  if (!c_.office_name_label.empty())
    header_text(c_.office_name_label + "　" + c_.office_name, Align::Left, {line2.x, line2.y, 2 * third, line_h});
  return p;
}

void Typesetter::add_frame_texts(PageLayout& p, int page_no, int pages) {
  double y = footer_.y;
  for (const auto& n : notes_) {
    for (const auto& l : n) {
      place_line(p, l, footer_.x, y, footer_);
      y += te_.line_height(l.size);
    }
  }
  double line_h = te_.line_height(s_.footer_size);
  double bottom_y = footer_.bottom() - line_h * static_cast<double>(std::max<std::size_t>(1, c_.issuer.size()));
  Box number{footer_.x + footer_.w / 3, bottom_y, footer_.w / 3, line_h};
  place_aligned(p, fit({fmt::format("{} / {} ページ", page_no, pages), true}, number.w, s_.footer_size), Align::Center,
                number);
  for (const auto& name : c_.issuer) {
    Box b{footer_.x + 2 * footer_.w / 3, bottom_y, footer_.w / 3, line_h};
    place_aligned(p, fit({name, true}, b.w, s_.footer_size), Align::Right, b);
    bottom_y += line_h;
  }
}

PreparedTable Typesetter::prepare(const ContentTable& t, double scale) {
  double inset = s_.frame_rule;  // keeps the frame's stroke inside the printable area
  return prepare_table(fit_, s_, t, printable_.x + inset, printable_.w - 2 * inset, scale);
}

void Typesetter::place_caption(PageLayout& p, const PreparedTable& pt, bool continued) {
  if (pt.table->caption.empty()) return;
  auto text = continued ? pt.table->caption + "（続き）" : pt.table->caption;
  Box b{pt.x, y_, pt.w, te_.line_height(s_.caption_size)};
  place_aligned(p, fit({text, true}, b.w, s_.caption_size), Align::Left, b);
  y_ += caption_height();
}

void Typesetter::place_head(PageLayout& p, const PreparedTable& pt) {
  if (pt.table->fields) return;
  p.fills.push_back({{pt.x, y_, pt.w, pt.head_h}, s_.head_gray});
  for (const auto& h : pt.head) {
    Box b{h.box.x, y_ + h.box.y, h.box.w, h.box.h};
    p.rules.push_back({b.x, b.y, b.right(), b.y, s_.inner_rule});
    p.rules.push_back({b.x, b.bottom(), b.right(), b.bottom(), s_.inner_rule});
    p.rules.push_back({b.x, b.y, b.x, b.bottom(), s_.inner_rule});
    p.rules.push_back({b.right(), b.y, b.right(), b.bottom(), s_.inner_rule});
    Box inner{b.x + s_.pad_x, b.y + s_.pad_y, b.w - 2 * s_.pad_x, b.h - 2 * s_.pad_y};
    place_aligned(p, h.lines, Align::Center, inner);
  }
  y_ += pt.head_h;
}

void Typesetter::place_row(PageLayout& p, const PreparedTable& pt, const FittedRow& r, bool first_total) {
  if (r.total) p.fills.push_back({{pt.x, y_, pt.w, r.height}, s_.total_gray});
  if (r.label_fill && !r.cells.empty()) p.fills.push_back({{r.cells[0].x, y_, r.cells[0].w, r.height}, s_.label_gray});
  if (first_total) p.rules.push_back({pt.x, y_, pt.x + pt.w, y_, s_.total_rule});
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const auto& c = r.cells[i];
    if (i > 0) p.rules.push_back({c.x, y_, c.x, y_ + r.height, s_.inner_rule});
    Box inner{c.x + s_.pad_x, y_ + s_.pad_y, c.w - 2 * s_.pad_x, r.height - 2 * s_.pad_y};
    place_aligned(p, c.lines, c.align, inner);
  }
  p.row_boxes.push_back({pt.x, y_, pt.w, r.height});
  y_ += r.height;
  p.rules.push_back({pt.x, y_, pt.x + pt.w, y_, s_.inner_rule});
}

void Typesetter::close_piece(PageLayout& p, const PreparedTable& pt, double top) {
  Box frame{pt.x, top, pt.w, y_ - top};
  p.tables.push_back(frame);
  double r = s_.frame_rule;
  p.rules.push_back({frame.x, frame.y, frame.right(), frame.y, r});
  p.rules.push_back({frame.x, frame.bottom(), frame.right(), frame.bottom(), r});
  p.rules.push_back({frame.x, frame.y, frame.x, frame.bottom(), r});
  p.rules.push_back({frame.right(), frame.y, frame.right(), frame.bottom(), r});
}

void Typesetter::break_page() {
  pages_.push_back(new_page());
  y_ = body_.y;
}

void Typesetter::flow(const ContentTable& t) {
  double scale = 1;
  PreparedTable pt = prepare(t, scale);
  double caption_h = t.caption.empty() ? 0 : caption_height();
  // A row taller than an empty page (a very long text) is set smaller until it fits.
  while (caption_h + pt.head_h + pt.tallest_row() > body_.h && scale > 0.3) pt = prepare(t, scale *= 0.9);
  double first_h = pt.rows.empty() ? 0 : pt.rows.front().height;
  if (y_ + caption_h + pt.head_h + first_h > body_.bottom() && y_ > body_.y) break_page();
  place_caption(pages_.back(), pt, false);
  double top = y_;
  place_head(pages_.back(), pt);
  bool seen_total = false;
  for (const auto& r : pt.rows) {
    if (y_ + r.height > body_.bottom()) {
      close_piece(pages_.back(), pt, top);
      break_page();
      place_caption(pages_.back(), pt, true);
      top = y_;
      place_head(pages_.back(), pt);
    }
    place_row(pages_.back(), pt, r, r.total && !seen_total);
    seen_total = seen_total || r.total;
  }
  close_piece(pages_.back(), pt, top);
  y_ += 10;
}

std::vector<PageLayout> Typesetter::run() {
  measure_frame();
  break_page();
  for (const auto& t : c_.tables) flow(t);
  int n = static_cast<int>(pages_.size());
  for (int i = 0; i < n; ++i) add_frame_texts(pages_[static_cast<std::size_t>(i)], i + 1, n);
  return std::move(pages_);
}

}  // namespace

std::vector<PageLayout> typeset(const Content& content, const PageStyle& style) {
  return Typesetter(content, style).run();
}

std::vector<PageLayout> typeset(const Notice& notice, const PageStyle& style) {
  return typeset(build_content(notice), style);
}

}  // namespace kaigo::report
