// report/fit — one line of text fitted into a width: as it is, set smaller (numbers, codes, カナ:
// down to a minimum size), or wrapped onto several lines; never cut. Internal to report.
// Owns: the fitting rule. Must not: place anything on a page.
#pragma once
#include <string>
#include <vector>

#include "kaigo/report/content.hpp"
#include "kaigo/report/detail/text_engine.hpp"

namespace kaigo::report {

// A line of text fitted into a width: its final size and measured width.
struct Fitted {
  std::string text;
  double size = 0;
  double width = 0;
};

class Fitter {
 public:
  Fitter(TextEngine& text, double min_size) : text_(text), min_size_(min_size) {}

  // The printed lines of `line` in a width of `avail` points, starting at `size` points.
  std::vector<Fitted> fit(const TextLine& line, double avail, double size);
  // Height of stacked lines; an empty line counts at `empty_size`.
  double height(const std::vector<Fitted>& lines, double empty_size) const;
  double line_height(double size) const { return text_.line_height(size); }

 private:
  TextEngine& text_;
  double min_size_;
};

}  // namespace kaigo::report
