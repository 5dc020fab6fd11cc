#include "kaigo/review/statistics.hpp"

#include "kaigo/core/enum_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kaigo::review {
namespace {

// Half up on the ‰: (2 × 1000 × count + total) ÷ (2 × total), in integers.
int permille_of(std::int64_t count, std::int64_t total) {
  if (total <= 0) return 0;
  return static_cast<int>((2 * 1000 * count + total) / (2 * total));
}

// The keys one reason counts under on `axis`.
std::vector<std::string_view> keys_of(const DecidedReason& r, StatAxis axis) {
  switch (axis) {
    case StatAxis::Code:
      return {r.code};
    case StatAxis::Office:
      return {r.office_no};
    case StatAxis::ServiceType:
      return {r.service_types.begin(), r.service_types.end()};
  }
  return {};
}

}  // namespace

std::vector<YearMonth> months_ending(YearMonth last, int count) {
  std::vector<YearMonth> out;
  for (int i = count - 1; i >= 0; --i) out.push_back(last.plus_months(-i));
  return out;
}

StatTable tabulate(const std::vector<DecidedReason>& reasons, ReasonKind kind, StatAxis axis,
                   const std::vector<YearMonth>& months, std::string_view insurer_no) {
  StatTable t;
  t.kind = kind;
  t.axis = axis;
  t.insurer_no = std::string(insurer_no);
  t.months = months;
  std::sort(t.months.begin(), t.months.end());
  t.months.erase(std::unique(t.months.begin(), t.months.end()), t.months.end());
  std::map<YearMonth, std::size_t> column;
  for (std::size_t i = 0; i < t.months.size(); ++i) column[t.months[i]] = i;

  // (month, key, 明細書) once; the month's total is the sum over its keys, so that the shares of a
  // month add up to 100 % as the seed's do.
  std::set<std::tuple<std::size_t, std::string_view, std::string_view>> counted;
  std::map<std::string_view, std::vector<std::int64_t>> counts;
  t.month_totals.assign(t.months.size(), 0);
  for (const auto& r : reasons) {
    auto col = column.find(r.month);
    if (r.kind != kind || col == column.end() || (!insurer_no.empty() && r.insurer_no != insurer_no)) continue;
    for (auto key : keys_of(r, axis)) {
      if (!counted.insert({col->second, key, r.claim_id}).second) continue;
      auto& c = counts[key];
      c.resize(t.months.size(), 0);
      ++c[col->second];
      ++t.month_totals[col->second];
    }
  }
  for (const auto& [key, c] : counts) {
    StatRow row;
    row.key = std::string(key);
    for (std::size_t i = 0; i < c.size(); ++i) {
      row.cells.push_back({c[i], permille_of(c[i], t.month_totals[i])});
      row.total += c[i];
    }
    t.rows.push_back(std::move(row));
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const StatRow& a, const StatRow& b) { return a.total > b.total; });
  return t;
}

std::vector<std::vector<Ranked>> top(const StatTable& table, std::size_t n) {
  std::vector<std::vector<Ranked>> out(table.months.size());
  for (std::size_t m = 0; m < table.months.size(); ++m) {
    for (const auto& row : table.rows) {
      if (row.cells[m].count > 0) out[m].push_back({row.key, row.cells[m]});
    }
    std::sort(out[m].begin(), out[m].end(), [](const Ranked& a, const Ranked& b) {
      return a.cell.count != b.cell.count ? a.cell.count > b.cell.count : a.key < b.key;
    });
    if (out[m].size() > n) out[m].resize(n);
  }
  return out;
}

std::string share_text(int permille) { return fmt::format("{}.{}%", permille / 10, permille % 10); }

std::string to_csv(const StatTable& table) {
  std::string out = std::string(enum_code(table.axis));
  for (const auto& m : table.months) out += fmt::format(",{0}_count,{0}_share", m.str());
  out += ",total\r\n";
  for (const auto& row : table.rows) {
    out += row.key;
    for (const auto& c : row.cells) out += fmt::format(",{},{}", c.count, share_text(c.permille));
    out += fmt::format(",{}\r\n", row.total);
  }
  out += "(all)";
  std::int64_t all = 0;
  for (auto total : table.month_totals) {
    out += fmt::format(",{},{}", total, total > 0 ? "100.0%" : "0.0%");
    all += total;
  }
  out += fmt::format(",{}\r\n", all);
  return out;
}

}  // namespace kaigo::review
