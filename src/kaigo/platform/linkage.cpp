#include "kaigo/platform/linkage.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/platform/data_table.hpp"
#include "kaigo/platform/pmh.hpp"

namespace kaigo::platform {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool upper_alnum(std::string_view s, std::size_t width) {
  if (s.size() != width) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

bool record_id_ok(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) return false;
  }
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool has_control(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// What the fixed and kind columns are called in messages.
struct Item {
  int column = 0;
  std::string_view name, ja;
};

constexpr std::string_view kFixedJa[] = {"更新区分", "保険者番号", "被保険者番号", "情報の種類", "レコードID", "有効年月日"};

LinkageError item_error(std::string_view code, std::uint64_t line, const Item& item, std::string_view value,
                        std::string_view detail_ja, std::string_view detail_en) {
  auto e = linkage_error(code, line, fmt::format("{} {}", item.ja, detail_ja), fmt::format("{}: {}", item.name, detail_en));
  e.column = item.column;
  e.item = item.name;
  e.item_ja = item.ja;
  e.value = escape_control(value);
  return e;
}

// Checks one value of a kind column; nullopt when good.
std::optional<LinkageError> check_value(const ColumnSpec& c, const Item& item, std::string_view v, std::uint64_t line) {
  if (v.empty()) {
    if (!c.required) return std::nullopt;
    return item_error("PL12", line, item, v, "が設定されていません", "is required");
  }
  auto malformed = [&](std::string_view ja, std::string_view en) { return item_error("PL13", line, item, v, ja, en); };
  switch (c.type) {
    case ColumnType::Text:
      if (has_control(v)) return malformed("に制御文字があります", "holds a control character");
      if (code_points(v) > static_cast<std::size_t>(c.max)) {
        return malformed(fmt::format("は {} 文字までです", c.max), fmt::format("is longer than {} characters", c.max));
      }
      return std::nullopt;
    case ColumnType::Date:
      if (!Date::parse(v)) return malformed("は YYYYMMDD の実在する日付です", "must be a real date YYYYMMDD");
      return std::nullopt;
    case ColumnType::Month:
      if (!YearMonth::parse(v)) return malformed("は YYYYMM です", "must be YYYYMM");
      return std::nullopt;
    case ColumnType::Year:
      if (v.size() != 4 || !all_digits(v) || v < "1900") return malformed("は西暦4桁です", "must be a year YYYY");
      return std::nullopt;
    case ColumnType::Code:
      for (const auto& code : c.codes) {
        if (code == v) return std::nullopt;
      }
      return item_error("PL14", line, item, v, fmt::format("は {} のいずれかです", fmt::join(c.codes, ", ")),
                        fmt::format("must be one of {}", fmt::join(c.codes, ", ")));
    case ColumnType::Int: {
      auto n = all_digits(v) && v.size() <= 9 ? parse_int(v) : std::nullopt;
      if (!n || *n < c.min || *n > c.max) {
        return malformed(fmt::format("は {}〜{} の整数です", c.min, c.max), fmt::format("must be an integer {}-{}", c.min, c.max));
      }
      return std::nullopt;
    }
    case ColumnType::Yen:
      if (!all_digits(v) || v.size() > 8) return malformed("は半角数字8桁までの円です", "must be yen, up to 8 digits");
      return std::nullopt;
    case ColumnType::Flags:
      if (v.size() != static_cast<std::size_t>(c.max) || v.find_first_not_of("01") != std::string_view::npos) {
        return malformed(fmt::format("は 0 か 1 を {} 文字並べます", c.max), fmt::format("must be {} characters of 0 or 1", c.max));
      }
      return std::nullopt;
    case ColumnType::MyNumber: {
      if (v.size() != 12 || !all_digits(v)) {
        auto e = malformed("は半角数字12桁です", "must be 12 digits");
        e.value.clear();  // never echo a My Number, even a wrong one
        return e;
      }
      if (!my_number_ok(v)) {
        auto e = item_error("PL19", line, item, "", "", "");
        e.message_ja = linkage_code("PL19").ja;
        e.message_en = linkage_code("PL19").en;
        return e;
      }
      return std::nullopt;
    }
    case ColumnType::OfficeNo:
    case ColumnType::Institution:
      if (!upper_alnum(v, 10)) return malformed("は英大文字・数字10桁です", "must be 10 of 0-9 A-Z");
      return std::nullopt;
  }
  return std::nullopt;
}

struct DateOrder {
  std::string kind, earlier, later;
};

const std::vector<DateOrder>& date_orders() {
  static const std::vector<DateOrder> all = [] {
    std::vector<DateOrder> out;
    for (const auto& r : detail::read_table("date_order.tsv", {"kind", "earlier", "later", "source"})) {
      out.push_back({std::string(r.cells[0]), std::string(r.cells[1]), std::string(r.cells[2])});
    }
    return out;
  }();
  return all;
}

// The value of column `name` of the row ("effective_on" is the fixed column), and its item.
std::pair<std::string_view, Item> named(const LinkageRow& row, std::string_view effective_text, std::string_view name) {
  if (name == "effective_on") return {effective_text, Item{6, "effective_on", kFixedJa[5]}};
  auto i = row.kind->column(name);
  const auto& c = row.kind->columns[i];
  return {row.values[i], Item{static_cast<int>(7 + i), c.name, c.ja}};
}

// The rules across columns of one row: date order (date_order.tsv) and the care-plan tables.
void check_across(const LinkageRow& row, std::string_view effective_text, std::vector<LinkageError>& errors) {
  for (const auto& o : date_orders()) {
    if (o.kind != row.kind->name) continue;
    auto [a, ai] = named(row, effective_text, o.earlier);
    auto [b, bi] = named(row, effective_text, o.later);
    auto da = Date::parse(a);
    auto db = Date::parse(b);
    if (da && db && *db < *da) {
      errors.push_back(item_error("PL15", row.line, bi, b, fmt::format("が {}（{}）より前です", ai.ja, a),
                                  fmt::format("is before {} ({})", ai.name, a)));
    }
  }
  if (row.kind->name == "careplan") {
    auto [plan, pi] = named(row, effective_text, "plan_kind");
    auto [table, ti] = named(row, effective_text, "table");
    auto [month, mi] = named(row, effective_text, "service_month");
    if (plan == "2" && table != "1" && table != "2" && table != "3") {
      errors.push_back(item_error("PL14", row.line, ti, table, "は施設サービス計画では 1, 2, 3 のいずれかです",
                                  "must be 1, 2 or 3 for a facility plan"));
    }
    if ((table == "6" || table == "7") && month.empty()) {
      errors.push_back(item_error("PL12", row.line, mi, month, "は第6表・第7表に必要です", "is required for tables 6 and 7"));
    }
  }
}

}  // namespace

LinkageReader::LinkageReader(std::string_view bytes) : rest_(bytes) {
  if (rest_.substr(0, 3) == "\xEF\xBB\xBF") rest_.remove_prefix(3);
  if (auto bad = find_invalid_utf8(rest_); bad != std::string_view::npos) {
    // The line of the first bad byte, so that the sender can find it.
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += rest_[i] == '\n';
    file_error_ = linkage_error("PL01", line, fmt::format("{} 行目", line), fmt::format("line {}", line));
    return;
  }
  read_header();
}

void LinkageReader::read_header() {
  auto end = rest_.find('\n');
  auto text = rest_.substr(0, end);
  rest_ = end == std::string_view::npos ? std::string_view{} : rest_.substr(end + 1);
  line_ = 1;
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  auto names = master::split_csv_line(text);
  bool ok = names && names->size() >= 6;
  for (std::size_t i = 0; ok && i < 6; ++i) ok = (*names)[i] == kFixedColumns[i];
  if (ok && names->size() > 6) {
    // The columns of one kind: every row must then be of it.
    header_kind_ = nullptr;
    for (const auto& k : kinds()) {
      if (!k.linkage || k.columns.size() != names->size() - 6) continue;
      bool same = true;
      for (std::size_t i = 0; same && i < k.columns.size(); ++i) same = k.columns[i].name == (*names)[6 + i];
      if (same) header_kind_ = &k;
    }
    ok = header_kind_ != nullptr;
  }
  if (!ok) {
    file_error_ = linkage_error("PL02", 1, escape_control(text.substr(0, 200)), escape_control(text.substr(0, 200)));
  }
}

bool LinkageReader::next(LinkageRow& row, std::vector<LinkageError>& errors) {
  errors.clear();
  if (file_error_) return false;
  std::string_view text;
  do {
    if (rest_.empty()) {
      if (!any_row_) file_error_ = linkage_error("PL03", line_);
      return false;
    }
    auto end = rest_.find('\n');
    text = rest_.substr(0, end);
    rest_ = end == std::string_view::npos ? std::string_view{} : rest_.substr(end + 1);
    ++line_;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  } while (text.empty());
  any_row_ = true;
  row = LinkageRow{};
  row.line = line_;
  if (text.size() > kMaxLineBytes) {
    errors.push_back(linkage_error("PL04", line_));
    return true;
  }
  auto fields = master::split_csv_line(text);
  if (!fields) {
    errors.push_back(linkage_error("PL11", line_));
    return true;
  }
  auto& f = *fields;
  if (f.size() < 6) {
    errors.push_back(linkage_error("PL10", line_, fmt::format("{} 列", f.size()), fmt::format("{} columns", f.size())));
    return true;
  }
  auto fixed = [&](int i) { return Item{i + 1, kFixedColumns[i], kFixedJa[i]}; };
  // The keys first: every error of the row can then name the person and the record.
  if (f[0] == "1" || f[0] == "2" || f[0] == "3") {
    row.update = static_cast<UpdateKind>(f[0][0] - '0');
  } else {
    errors.push_back(item_error("PL16", line_, fixed(0), f[0], "", ""));
  }
  row.person = {f[1], f[2]};
  if (f[1].size() != 6 || !all_digits(f[1])) errors.push_back(item_error("PL13", line_, fixed(1), f[1], "は半角数字6桁です", "must be 6 digits"));
  if (!upper_alnum(f[2], 10)) errors.push_back(item_error("PL13", line_, fixed(2), f[2], "は英大文字・数字10桁です", "must be 10 of 0-9 A-Z"));
  row.kind = find_kind(f[3]);
  if (!row.kind || !row.kind->linkage || (header_kind_ && row.kind != header_kind_)) {
    auto e = item_error("PL17", line_, fixed(3), f[3], header_kind_ ? fmt::format("（ヘッダーは {} の列）", header_kind_->name) : "",
                        header_kind_ ? fmt::format("the header gives the columns of {}", header_kind_->name) : "");
    errors.push_back(e);
    row.kind = nullptr;
  }
  row.record_id = f[4];
  if (!record_id_ok(f[4])) {
    errors.push_back(item_error("PL13", line_, fixed(4), f[4], "は英数字・-・_ で32文字までです", "must be 1-32 of 0-9 A-Z a-z - _"));
  }
  if (auto d = Date::parse(f[5])) {
    row.effective_on = *d;
  } else {
    errors.push_back(f[5].empty() ? item_error("PL12", line_, fixed(5), f[5], "が設定されていません", "is required")
                                  : item_error("PL13", line_, fixed(5), f[5], "は YYYYMMDD の実在する日付です", "must be a real date YYYYMMDD"));
  }
  if (row.kind) {
    const auto n = row.kind->columns.size();
    const bool bare_delete = row.update == UpdateKind::Delete && f.size() == 6;
    if (!bare_delete && f.size() != 6 + n) {
      errors.push_back(linkage_error("PL10", line_, fmt::format("{} 列（{} は {} 列）", f.size(), row.kind->name, 6 + n),
                                     fmt::format("{} columns; {} has {}", f.size(), row.kind->name, 6 + n)));
    } else if (!bare_delete) {
      row.values.assign(f.begin() + 6, f.end());
      for (std::size_t i = 0; i < n; ++i) {
        const auto& c = row.kind->columns[i];
        if (auto e = check_value(c, Item{static_cast<int>(7 + i), c.name, c.ja}, row.values[i], line_)) errors.push_back(*e);
      }
      if (errors.empty()) check_across(row, f[5], errors);
    }
  }
  for (auto& e : errors) {
    e.person = {escape_control(f[1]), escape_control(f[2])};
    e.kind = escape_control(f[3]);
    e.record_id = escape_control(f[4]);
  }
  return true;
}

std::string record_data(const LinkageRow& row) {
  auto j = nlohmann::json::object();
  for (std::size_t i = 0; i < row.values.size(); ++i) {
    const auto& c = row.kind->columns[i];
    if (c.type == ColumnType::MyNumber || row.values[i].empty()) continue;
    j[c.name] = row.values[i];
  }
  return j.dump();
}

}  // namespace kaigo::platform
