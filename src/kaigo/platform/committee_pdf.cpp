#include "kaigo/platform/committee_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::platform {
namespace {

constexpr double kWidth = 595.0;   // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 50.0;
constexpr double kLabelWidth = 150.0;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Pages {
 public:
  explicit Pages(std::string& out) {
    surface_ = cairo_pdf_surface_create_for_stream(append, &out, kWidth, kHeight);
    cr_ = cairo_create(surface_);
    pages_ = 1;
  }
  ~Pages() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;

  void set_title(const std::string& title) { cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str()); }

  // Draws `text` at x with the given width, line by line, moving to a new page when a line does
  // not fit; returns nothing, advances y.
  void text(const std::string& text, double x, double width, int size_pt, bool bold, double y_from) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_from_string(fmt::format("Noto Sans CJK JP {}", size_pt).c_str());
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    double y = y_from;
    const int count = pango_layout_get_line_count(layout);
    for (int i = 0; i < count; ++i) {
      PangoLayoutLine* line = pango_layout_get_line_readonly(layout, i);
      PangoRectangle logical;
      pango_layout_line_get_pixel_extents(line, nullptr, &logical);
      if (y + logical.height > kHeight - kMargin) {
        new_page();
        y = kMargin;
      }
      cairo_move_to(cr_, x, y - logical.y);
      pango_cairo_show_layout_line(cr_, line);
      y += logical.height;
    }
    g_object_unref(layout);
    y_ = y;
  }

  double y() const { return y_; }
  void skip(double dy) { y_ += dy; }
  void rule() {
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, y_ + 2);
    cairo_line_to(cr_, kWidth - kMargin, y_ + 2);
    cairo_stroke(cr_);
    y_ += 6;
  }
  // A new page when fewer than `needed` points are left.
  void keep(double needed) {
    if (y_ + needed > kHeight - kMargin) {
      new_page();
      y_ = kMargin;
    }
  }

  int finish() {
    footer();
    cairo_show_page(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const auto status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(status));
    return pages_;
  }

 private:
  void new_page() {
    footer();
    cairo_show_page(cr_);
    ++pages_;
  }
  void footer() {
    const double saved = y_;
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK JP 8");
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    const auto text = fmt::format("{} ページ / page {}", pages_, pages_);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    cairo_move_to(cr_, kMargin, kHeight - kMargin + 14);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    y_ = saved;
  }

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int pages_ = 0;
  double y_ = kMargin;
};

}  // namespace

PdfDocument draw_pdf(const PdfContent& content) {
  PdfDocument doc;
  Pages pages(doc.bytes);
  pages.set_title(content.title);
  pages.text(content.title, kMargin, kWidth - 2 * kMargin, 16, true, kMargin);
  pages.skip(6);
  for (const auto& [label, value] : content.header) {
    pages.text(fmt::format("{}: {}", label, value), kMargin, kWidth - 2 * kMargin, 10, false, pages.y());
  }
  for (const auto& section : content.sections) {
    pages.skip(10);
    pages.keep(40);
    pages.text(section.title, kMargin, kWidth - 2 * kMargin, 12, true, pages.y());
    pages.rule();
    for (const auto& [label, value] : section.items) {
      pages.keep(14);
      const double top = pages.y();
      pages.text(label, kMargin, kLabelWidth - 8, 9, true, top);
      const double after_label = pages.y();
      pages.text(value.empty() ? "—" : value, kMargin + kLabelWidth, kWidth - 2 * kMargin - kLabelWidth, 9, false, top);
      if (pages.y() < after_label) pages.skip(after_label - pages.y());
      pages.skip(3);
    }
  }
  doc.pages = pages.finish();
  return doc;
}

}  // namespace kaigo::platform
