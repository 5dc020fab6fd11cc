#include "kaigo/report/detail/fit.hpp"

#include <cmath>

namespace kaigo::report {

std::vector<Fitted> Fitter::fit(const TextLine& line, double avail, double size) {
  if (line.text.empty()) return {{{}, size, 0}};
  double w = text_.width(line.text, size);
  if (w <= avail) return {{line.text, size, w}};
  if (line.shrink) {
    for (double s = std::floor(size * avail / w * 100) / 100; s >= min_size_; s -= 0.1) {
      double ws = text_.width(line.text, s);
      if (ws <= avail) return {{line.text, s, ws}};
    }
    size = min_size_;
  }
  std::vector<Fitted> out;
  for (auto& piece : text_.wrap(line.text, size, avail)) {
    double lw = text_.width(piece, size);
    double ls = size;
    while (lw > avail && ls > 0.5) {  // one character wider than the cell
      ls *= 0.95;
      lw = text_.width(piece, ls);
    }
    out.push_back({std::move(piece), ls, lw});
  }
  return out;
}

double Fitter::height(const std::vector<Fitted>& lines, double empty_size) const {
  double h = 0;
  for (const auto& l : lines) h += text_.line_height(l.text.empty() ? empty_size : l.size);
  return h;
}

}  // namespace kaigo::report
