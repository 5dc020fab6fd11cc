// report/table_layout — one table of a notice measured for print: column positions, the heading
// (one tier, or two under group headings), and every row's cells fitted with their height.
// Internal to report. Owns: widths and heights. Must not: break pages (typeset does).
#pragma once
#include <vector>

#include "kaigo/report/content.hpp"
#include "kaigo/report/detail/fit.hpp"
#include "kaigo/report/typeset.hpp"

namespace kaigo::report {

struct FittedCell {
  double x = 0, w = 0;
  Align align = Align::Left;
  std::vector<Fitted> lines;
  double height = 0;  // of the lines
};

struct FittedRow {
  bool total = false;
  bool label_fill = false;  // fields table: the label cell is shaded
  std::vector<FittedCell> cells;
  double height = 0;  // with padding
};

// A heading cell; its box is relative to the top of the heading.
struct HeadCell {
  Box box;
  std::vector<Fitted> lines;
};

struct PreparedTable {
  const ContentTable* table = nullptr;
  double x = 0, w = 0;
  std::vector<double> col_x, col_w;
  std::vector<HeadCell> head;  // empty for a fields table
  double head_h = 0;
  std::vector<FittedRow> rows;
  double tallest_row() const;
};

// Measures `table` between `left` and `left + width` (the table takes its width_percent of it),
// with every text size multiplied by `scale`.
PreparedTable prepare_table(Fitter& fitter, const PageStyle& style, const ContentTable& table, double left,
                            double width, double scale);

}  // namespace kaigo::report
