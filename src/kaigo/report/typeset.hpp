// report/typeset — lays a notice out on A4 pages: the title and header block and the footer
// (notes, "n / N ページ", issuer) on every page, the tables flowing from page to page with their
// headings repeated, every cell's text shrunk or wrapped to fit its cell.
// Owns: page geometry, the page style (sizes, margins, rules) and pagination. Must not: draw
// (paint does) or change any text (content decides what is printed).
#pragma once
#include <string>
#include <vector>

#include "kaigo/report/content.hpp"
#include "kaigo/report/notice.hpp"

namespace kaigo::report {

// A rectangle in points, origin at the page's top-left corner.
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

// One line of text placed on the page.
struct PlacedText {
  std::string text;
  double x = 0, y = 0;  // left edge and top of the line box
  double size = 0;      // points
  double width = 0;     // measured advance width
  double height = 0;    // line box height
  Box limit;            // the area the line must stay in (a cell without its padding)
};

struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0;
};

struct Fill {
  Box box;
  double gray = 1;  // 0 black … 1 white
};

struct PageLayout {
  double width = 0, height = 0;  // points
  Box printable;                 // inside the margins: nothing is drawn outside it
  Box title;                     // the title line (full printable width)
  Box header;                    // title and header block
  Box body;                      // where tables flow
  Box footer;                    // notes, page number and issuer
  std::vector<Box> tables;       // the outer frame of each table (or piece of one) on this page
  std::vector<Box> row_boxes;    // each table row (details, totals, fields) on this page
  std::vector<Fill> fills;
  std::vector<Rule> rules;
  std::vector<PlacedText> texts;
};

// The look of every 帳票 (the per-form part is the PageDesign).
struct PageStyle {
  double margin = 12 * 72 / 25.4;  // 12 mm
  double title_size = 16;
  double header_size = 9;
  double caption_size = 9;
  double head_size = 7.5;  // column headings
  double cell_size = 8;
  double min_size = 5;     // numbers and codes shrink down to this before they wrap
  double note_size = 7;
  double footer_size = 9;
  double pad_x = 2.5, pad_y = 1.5;
  double frame_rule = 1.0, inner_rule = 0.4, total_rule = 0.8;
  double head_gray = 0.88, total_gray = 0.94, label_gray = 0.94;
};

std::vector<PageLayout> typeset(const Content& content, const PageStyle& style = {});
std::vector<PageLayout> typeset(const Notice& notice, const PageStyle& style = {});

}  // namespace kaigo::report
