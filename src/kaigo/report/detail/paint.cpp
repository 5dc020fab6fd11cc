#include "kaigo/report/detail/paint.hpp"

namespace kaigo::report {

void paint(cairo_t* cr, TextEngine& text, const PageLayout& page) {
  for (const auto& f : page.fills) {
    cairo_set_source_rgb(cr, f.gray, f.gray, f.gray);
    cairo_rectangle(cr, f.box.x, f.box.y, f.box.w, f.box.h);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
  for (const auto& r : page.rules) {
    cairo_set_line_width(cr, r.width);
    cairo_move_to(cr, r.x0, r.y0);
    cairo_line_to(cr, r.x1, r.y1);
    cairo_stroke(cr);
  }
  for (const auto& t : page.texts) text.draw(cr, t.text, t.x, t.y, t.size);
}

}  // namespace kaigo::report
