// 介護職員処遇改善加算等総額のお知らせ / 内訳のお知らせ (seed 002 §4(2)⑧, §12 ②③): the 処遇改善 加算
// an office was decided this month, in total and by サービス種類. Which サービスコード are such
// 加算 is data (treatment_bonus_items.tsv, by the master's 名称 and dated). The yen follow
// review-rules §2: one 集計 row (サービス種類) of one 明細書 at a time, floor(units × 単位数単価).
// Only 明細書 decided (決定 or 査定, 保留復活 included) count; a 査定 cuts the units inside the
// 区分支給限度 and 処遇改善 加算 are outside it (review-rules §3), so their units are as written.
#include <map>
#include <tuple>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

struct BonusItem {
  std::string_view name_contains;
  std::string_view kind;
  YearMonth from, to;
};

const std::vector<BonusItem>& bonus_items() {
  static const std::vector<BonusItem> items = [] {
    std::vector<BonusItem> out;
    const auto path = "src/kaigo/settlement/treatment_bonus_items.tsv";
    for (const auto& r : embedded::checked_tsv_rows(path, {"name_contains", "kind", "from", "to", "source"})) {
      auto from = YearMonth::parse(r.cells[2]);
      auto to = YearMonth::parse(r.cells[3]);
      if (!from || !to) r.fail("from / to must be YYYYMM");
      out.push_back({r.cells[0], r.cells[1], *from, *to});
    }
    return out;
  }();
  return items;
}

// The 区分 of a 明細 line, or empty when it is not a 処遇改善 加算.
std::string_view bonus_kind(std::string_view code_name, YearMonth service_month) {
  if (code_name.empty()) return {};
  for (const auto& item : bonus_items()) {
    if (service_month < item.from || item.to < service_month) continue;
    if (code_name.find(item.name_contains) != std::string_view::npos) return item.kind;
  }
  return {};
}

bool decided_this_month(const review::ClaimDecision& d) {
  return d.outcome == review::ClaimOutcome::Paid || d.outcome == review::ClaimOutcome::Cut;
}

}  // namespace

TreatmentBonusTable treatment_bonus(const OfficeMonth& om, const Names& names) {
  using Key = std::tuple<std::string, std::string>;  // サービス種類, 区分
  std::map<Key, TreatmentBonusRow> rows;
  TreatmentBonusTable t;
  for (const auto* c : om.claims) {
    if (!decided_this_month(c->decision)) continue;
    const auto& st = c->statement;
    const auto month = st.key.service_month;
    std::map<Key, Units> claim_units;  // this 明細書's 加算 units per サービス種類 and 区分
    for (const auto& line : st.details) {
      auto kind = bonus_kind(names.service_code_name(st.key.insurer_no, line, month), month);
      if (!kind.empty()) claim_units[{line.service_type, std::string(kind)}] += line.service_units;
    }
    if (claim_units.empty()) continue;
    ++t.count;
    for (const auto& [k, units] : claim_units) {
      const auto* agg = st.aggregate(std::get<0>(k));
      auto& row = rows[k];
      if (row.service_type.empty()) {
        row.service_type = std::get<0>(k);
        row.kind = std::get<1>(k);
        row.service_type_name = names.service_type_name(row.service_type, month);
      }
      ++row.count;
      row.units += units;
      if (agg) row.amount += cost_of(units, agg->unit_price);
    }
  }
  for (auto& [k, row] : rows) {
    t.units += row.units;
    t.amount += row.amount;
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace kaigo::settlement
