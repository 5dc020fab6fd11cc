// report/html — the HTML rendering of a notice: the same content as the PDF (content.hpp), as one
// standalone UTF-8 file with inline CSS; printing it gives A4 pages with the column headings
// repeated on each page. Owns: the markup and its CSS. Must not: change or add any text.
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "kaigo/report/content.hpp"
#include "kaigo/core/html_text.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/report/detail/text_file.hpp"

namespace kaigo::report {
namespace {

constexpr std::string_view kStyle = R"(
body { font-family: "Noto Serif CJK JP", "Noto Serif JP", "Hiragino Mincho ProN", "Yu Mincho", serif;
       font-size: 9pt; color: #000; margin: 12mm; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 6pt; }
h1 span { border-bottom: 0.8pt solid #000; }
.head { display: grid; grid-template-columns: 1fr 1fr 1fr; margin-bottom: 8pt; }
.head .month { text-align: center; } .head .created { text-align: right; }
.head .name { grid-column: 1 / span 2; }
table { border-collapse: collapse; width: 100%; margin: 0 0 10pt; border: 1pt solid #000; }
caption { text-align: left; font-weight: bold; padding-bottom: 2pt; }
th, td { border: 0.4pt solid #000; padding: 1.5pt 2.5pt; vertical-align: middle; }
thead th { background: #e0e0e0; font-weight: normal; font-size: 7.5pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td { font-size: 8pt; }
.l { text-align: left; } .c { text-align: center; }
.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { background: #f0f0f0; }
tr.first-total td { border-top: 0.8pt solid #000; }
table.fields th { background: #f0f0f0; font-weight: normal; text-align: left; width: 40%; }
footer { margin-top: 6pt; }
.notes { font-size: 7pt; margin: 0 0 6pt; padding: 0; list-style: none; }
.issuer { text-align: right; margin: 0; }
@media print { body { margin: 0; } }
)";

std::string escape(std::string_view s) { return html_escape(s, HtmlQuotes::Double); }

template <typename Lines, typename Text>
std::string joined(const Lines& lines, Text text) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += "<br>";
    out += escape(text(l));
  }
  return out;
}


std::string head_html(const ContentTable& t) {
  auto title = [](const std::string& s) { return s; };
  std::string row1, row2;
  bool groups = t.has_groups();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& col = t.columns[i];
    if (col.group.empty()) {
      row1 += fmt::format("<th{}>{}</th>", groups ? " rowspan=\"2\"" : "", joined(col.title, title));
      continue;
    }
    if (i == 0 || t.columns[i - 1].group != col.group) {
      std::size_t span = 1;
      while (i + span < t.columns.size() && t.columns[i + span].group == col.group) ++span;
      row1 += fmt::format("<th colspan=\"{}\">{}</th>", span, escape(col.group));
    }
    row2 += fmt::format("<th>{}</th>", joined(col.title, title));
  }
  return "<thead><tr>" + row1 + "</tr>" + (groups ? "<tr>" + row2 + "</tr>" : "") + "</thead>\n";
}

std::string row_html(const ContentRow& r, bool first_total, bool fields) {
  auto line = [](const TextLine& l) { return l.text; };
  std::string cls = r.total ? (first_total ? " class=\"total first-total\"" : " class=\"total\"") : "";
  std::string out = "<tr" + cls + ">";
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const auto& c = r.cells[i];
    auto tag = fields && i == 0 ? "th" : "td";
    auto span = c.span > 1 ? fmt::format(" colspan=\"{}\"", c.span) : std::string();
    out += fmt::format("<{} class=\"{}\"{}>{}</{}>", tag, kAligns.code(c.align), span, joined(c.lines, line), tag);
  }
  return out + "</tr>\n";
}

std::string table_html(const ContentTable& t) {
  std::string out = t.fields ? fmt::format("<table class=\"fields\" style=\"width: {}%\">\n", t.width_percent)
                             : std::string("<table>\n");
  if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>\n";
  if (!t.fields) out += head_html(t);
  out += "<tbody>\n";
  bool seen_total = false;
  for (const auto& r : t.rows) {
    out += row_html(r, r.total && !seen_total, t.fields);
    seen_total = seen_total || r.total;
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string html(const Notice& notice) { return html(build_content(notice)); }

std::string html(const Content& c) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{} {} {}</title>\n", escape(c.title), escape(c.office_no), escape(c.month_text));
  out += fmt::format("<style>\n@page {{ size: A4 {}; margin: 12mm; }}{}</style>\n</head>\n<body>\n",
                     c.orientation == Orientation::Landscape ? "landscape" : "portrait", kStyle);
  out += fmt::format("<header>\n<h1><span>{}</span></h1>\n<div class=\"head\">\n", escape(c.title));
  out += fmt::format("<div class=\"office\">{}　{}</div>\n", escape(c.office_no_label), escape(c.office_no));
  out += fmt::format("<div class=\"month\">{}</div>\n", escape(c.month_text));
  out += fmt::format("<div class=\"created\">{}</div>\n", escape(c.created_text));
  if (!c.office_name_label.empty())
    out += fmt::format("<div class=\"name\">{}　{}</div>\n", escape(c.office_name_label), escape(c.office_name));
  out += "</div>\n</header>\n<main>\n";
  for (const auto& t : c.tables) out += table_html(t);
  out += "</main>\n<footer>\n";
  if (!c.notes.empty()) {
    out += "<ul class=\"notes\">\n";
    for (const auto& n : c.notes) out += "<li>" + escape(n) + "</li>\n";
    out += "</ul>\n";
  }
  auto same = [](const std::string& s) { return s; };
  out += "<p class=\"issuer\">" + joined(c.issuer, same) + "</p>\n</footer>\n</body>\n</html>\n";
  return out;
}

void render_html(const Notice& notice, const std::filesystem::path& path) { write_text_file(path, html(notice)); }

}  // namespace kaigo::report
