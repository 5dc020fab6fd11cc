// report/text_engine — measuring and drawing text with pango on cairo, shared by typeset (which
// measures) and paint (which draws), so that a line is drawn exactly as it was measured.
// Owns: the font (Noto Serif CJK JP Regular, the 明朝 of fonts-noto-cjk; one face only, titles
// included: each face embedded in a PDF costs ~50 ms of CFF subsetting), font options (no hinting:
// the layout is the same at every resolution) and tabular figures. Must not: decide where anything
// goes.
// Internal to the report module.
#pragma once
#include <cairo.h>

#include <string>
#include <string_view>
#include <vector>

typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoAttrList PangoAttrList;

namespace kaigo::report {

// 明朝, as the 国保連's printed notices are. Not Noto Sans CJK JP: with cairo 1.16 (Debian 12) some
// glyph orders make its CFF subset carry whole local subroutine tables (a 7411 notice of one page
// became a 1 MB PDF); the Serif faces subset to ~100 KB. docs/report.md has the measurements.
inline constexpr const char* kFontFamily = "Noto Serif CJK JP";

class TextEngine {
 public:
  TextEngine();
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Advance width in points of `text` set at `size` points on one line.
  double width(std::string_view text, double size);
  // Height in points of one line at `size` points.
  double line_height(double size) const { return size * line_factor_; }
  // Breaks `text` into lines no wider than `max_width` (between any characters where words do
  // not fit); a single character wider than `max_width` stays on a line of its own.
  std::vector<std::string> wrap(std::string_view text, double size, double max_width);
  // Draws one line with the top of its line box at (x, y).
  void draw(cairo_t* cr, std::string_view text, double x, double y, double size);

 private:
  void set(std::string_view text, double size);

  PangoContext* context_ = nullptr;
  PangoLayout* layout_ = nullptr;
  PangoAttrList* attrs_ = nullptr;
  double line_factor_ = 1.5;
};

}  // namespace kaigo::report
