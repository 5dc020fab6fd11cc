#include "kaigo/report/content.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::report {
namespace {

const exchange::Form& form_of(const Notice& n) { return *exchange::Registry::instance().form(n.form); }

// The line of a cell: the template with each item formatted. A line whose items are all empty is
// empty (no stray 〒 or 円 around missing values).
TextLine format_line(const LineTemplate& tpl, const exchange::RecordLayout& layout, const NoticeRecord& r,
                     const Notice& n) {
  TextLine out{{}, true};
  bool any_item = false, any_value = false;
  for (const auto& part : tpl) {
    if (!part.print_value.empty()) {
      any_item = true;
      auto it = n.print_values.find(part.print_value);
      if (it == n.print_values.end() || it->second.empty()) continue;
      any_value = true;
      out.text += thousands(it->second);
      continue;
    }
    if (part.item == 0) {
      out.text += part.text;
      continue;
    }
    const auto& spec = layout.item(part.item);
    any_item = true;
    auto value = r.item(part.item);
    if (!value.empty()) any_value = true;
    out.text += format_item(spec, value);
    if (spec.attr == text::CharClass::Kanji) out.shrink = false;
  }
  if (any_item && !any_value) out.text.clear();
  return out;
}

ContentCell format_cell(const ColumnDesign& col, const Notice& n, const NoticeRecord& r) {
  const auto& form = form_of(n);
  ContentCell cell{{}, col.align, 1};
  const auto* design = col.cell_for(r.kind);
  if (!design) return cell;
  const auto& layout = *form.layout_for(r.kind);
  for (const auto& line : design->lines) cell.lines.push_back(format_line(line, layout, r, n));
  return cell;
}

ContentTable rows_table(const TableDesign& t, const Notice& n) {
  ContentTable out{t.caption, false, t.width_percent, {}, {}};
  for (const auto& col : t.columns) out.columns.push_back({col.group, col.title, col.weight});
  auto kinds = t.kinds();
  for (const auto& r : n.records) {
    if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) continue;
    ContentRow row{r.kind, !r.kind.empty() && r.kind[0] == 'T', {}};
    for (const auto& col : t.columns) row.cells.push_back(format_cell(col, n, r));
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty())
    out.rows.push_back({{}, false, {{{{"該当なし", false}}, Align::Center, static_cast<int>(t.columns.size())}}});
  return out;
}

// A fields table: each column of the design becomes a label / value row of the one record.
ContentTable fields_table(const TableDesign& t, const Notice& n) {
  ContentTable out{t.caption, true, t.width_percent, {{{}, {"項目"}, 2}, {{}, {"内容"}, 3}}, {}};
  for (const auto& col : t.columns) {
    const auto& kind = col.cells.front().kind;
    ContentRow row{kind, false, {}};
    std::vector<TextLine> label;
    for (const auto& l : col.title) label.push_back({l, false});
    row.cells.push_back({label, Align::Left, 1});
    for (const auto& r : n.records)
      if (r.kind == kind) {
        row.cells.push_back(format_cell(col, n, r));
        break;
      }
    if (row.cells.size() == 1) row.cells.push_back({{}, col.align, 1});
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string h1_text(const Notice& n, int item) {
  if (item == 0) return {};
  const auto& layout = *form_of(n).layout_for("H1");
  return format_item(layout.item(item), n.records.front().item(item));
}

std::string h1_label(const Notice& n, int item) { return form_of(n).layout_for("H1")->item(item).name; }

}  // namespace

bool ContentTable::has_groups() const {
  for (const auto& c : columns)
    if (!c.group.empty()) return true;
  return false;
}

std::string thousands(std::string_view s) {
  auto v = parse_int(s);
  if (!v) return std::string(s);
  bool negative = *v < 0;
  auto digits = fmt::format("{}", negative ? -(*v) : *v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string format_item(const exchange::ItemSpec& spec, std::string_view value) {
  if (value.empty()) return {};
  switch (spec.format) {
    case exchange::ItemFormat::YearMonth:
      if (auto ym = YearMonth::parse(value)) return wareki_short_year_month(*ym);
      return std::string(value);
    case exchange::ItemFormat::Date:
      if (auto d = Date::parse(value)) return wareki_date(*d);
      return std::string(value);
    case exchange::ItemFormat::Plain:
      return spec.attr == text::CharClass::Digits ? thousands(value) : std::string(value);
    case exchange::ItemFormat::Code:
    case exchange::ItemFormat::Const:
      return std::string(value);
  }
  return std::string(value);
}

Content build_content(const Notice& n) {
  validate(n);
  const auto& d = *design_for(n.form);
  Content c;
  c.title = d.title;
  c.orientation = d.orientation;
  c.office_no_label = h1_label(n, d.header.office_no);
  c.office_no = n.office_no;
  if (d.header.office_name) {
    c.office_name_label = h1_label(n, d.header.office_name);
    c.office_name = n.office_name;
  }
  c.month_text = wareki_year_month(n.month) + d.month_label;
  c.created_text = h1_text(n, d.header.created);
  c.issuer.push_back(n.kokuhoren);
  if (auto committee = h1_text(n, d.header.committee); !committee.empty()) c.issuer.push_back(committee);
  c.notes = d.notes;
  for (const auto& t : d.tables) c.tables.push_back(t.fields ? fields_table(t, n) : rows_table(t, n));
  return c;
}

ContentRow label_value_row(std::string label, std::string value, bool shrink_value) {
  return {"D1", false, {{{{std::move(label), false}}, Align::Left, 1}, {{{std::move(value), shrink_value}}, Align::Left, 1}}};
}

}  // namespace kaigo::report
