#include "kaigo/master/sougou.hpp"

#include <algorithm>
#include <set>

namespace kaigo::master {
namespace {

enum Col : std::size_t {
  kInsurer, kType, kItem, kFrom, kTo, kName, kUnits, kKind, kCount, kPeriod, kLimit, kPrice, kRate, kBurden,
  kElig0, kElig1, kElig2, kCare1, kCare2, kCare3, kCare4, kCare5, kEntrust, kCreated
};
constexpr std::array<Column, 24> kColumns{{
    {"insurer_no", "保険者番号"},
    {"service_type", "サービス種類コード"},
    {"item_code", "サービス項目コード"},
    {"valid_from", "適用開始年月"},
    {"valid_to", "適用終了年月"},
    {"name", "サービス名称"},
    {"units", "単位数"},
    {"unit_kind", "算定単位"},
    {"limit_count", "制限日数回数"},
    {"limit_period", "算定回数制限期間"},
    {"limit_class", "限度額管理対象区分"},
    {"unit_price", "単位数単価（予備）"},
    {"benefit_rate", "給付率"},
    {"user_burden", "利用者負担額"},
    {"eligible_jigyo", "事業対象者実施区分"},
    {"eligible_shien1", "支援1受給者実施区分"},
    {"eligible_shien2", "支援2受給者実施区分"},
    {"eligible_care1", "要介護1実施区分"},
    {"eligible_care2", "要介護2実施区分"},
    {"eligible_care3", "要介護3実施区分"},
    {"eligible_care4", "要介護4実施区分"},
    {"eligible_care5", "要介護5実施区分"},
    {"entrusted", "国保連委託区分"},
    {"created_on", "作成年月日"},
}};
constexpr std::array<std::string_view, 6> kKinds{"1", "2", "3", "01", "02", "03"};
constexpr std::array<std::string_view, 2> kEligible{"1", "2"};

// In the 24-item files items 18–22 are 要介護 実施区分 and 23–24 委託区分/作成日; in the 19-item
// layout 18–19 are 委託区分/作成日.
std::size_t entrust_col(bool long_layout) { return long_layout ? kEntrust : kCare1; }
std::size_t created_col(bool long_layout) { return long_layout ? kCreated : kCare2; }

std::optional<YearMonth> read_end(RowReader& r, bool& ok) {
  auto t = r.text(kTo);
  if (t.empty() || t == "999999") return std::nullopt;
  auto m = r.year_month(kTo, true);
  ok = ok && m.has_value();
  return m;
}

bool known_sougou_type(const ServiceTypeMaster& types, std::string_view code) {
  auto versions = types.table().versions(code);
  return std::any_of(versions.begin(), versions.end(), [](const ServiceType& t) { return is_sougou_type(t); });
}

ServiceCode service_code_of(const SougouServiceCode& s) {
  ServiceCode c;
  c.service_type = s.service_type;
  c.item_code = s.item_code;
  c.name = s.name;
  c.units = s.units;
  c.unit_kind = static_cast<UnitKind>(s.unit_kind);
  c.limit_target = s.limit_target();
  c.source = "総合事業 " + s.insurer_no;
  c.period = s.period;
  c.line = s.line;
  return c;
}

}  // namespace

bool is_sougou_type(const ServiceType& type) { return type.form_id == "71R1" || type.form_id == "8171"; }

SougouMaster::SougouMaster(VersionedTable<SougouServiceCode, SougouCodeKey> table) : VersionedMaster(std::move(table)) {
  std::set<std::string> insurers;
  table_.for_each([&](const SougouCodeKey&, const SougouServiceCode& c) { insurers.insert(c.insurer_no); });
  insurers_.assign(insurers.begin(), insurers.end());
}

const SougouServiceCode* SougouMaster::find(std::string_view insurer_no, std::string_view code6,
                                            YearMonth month) const {
  auto key = SougouCodeKey::of(insurer_no, code6);
  return key ? table_.in_month(*key, month) : nullptr;
}

const SougouServiceCode* SougouMaster::find(std::string_view insurer_no, std::string_view service_type,
                                            std::string_view item_code, YearMonth month) const {
  if (service_type.size() != 2 || item_code.size() != 4) return nullptr;
  std::string code6;
  code6.reserve(6);
  code6.append(service_type).append(item_code);
  return find(insurer_no, code6, month);
}

bool SougouMaster::governs(std::string_view insurer_no) const {
  return std::binary_search(insurers_.begin(), insurers_.end(), normalize_insurer_no(insurer_no));
}

SougouMaster SougouMaster::per_insurer(const std::vector<const SougouMaster*>& newest_first) {
  VersionedTable<SougouServiceCode, SougouCodeKey> merged;
  std::set<std::string, std::less<>> taken;
  for (const SougouMaster* m : newest_first) {
    m->table().for_each([&](const SougouCodeKey& key, const SougouServiceCode& c) {
      if (!taken.contains(c.insurer_no)) merged.add(key, c);
    });
    taken.insert(m->insurers().begin(), m->insurers().end());
  }
  merged.finish([](const auto&, const auto&, const auto&) {});  // one file per insurer: no overlap left
  return SougouMaster(std::move(merged));
}

LoadResult<SougouMaster> load_sougou_master(std::string_view text, std::string file_name,
                                            const ServiceTypeMaster* types) {
  using Row = Keyed<SougouServiceCode, SougouCodeKey>;
  return load_versioned<SougouMaster>(text, std::move(file_name), {kColumns, false, 19}, kFrom,
                                      [types](RowReader& r) -> std::optional<Row> {
    bool long_layout = !r.text(kCreated).empty() || !r.text(kEntrust).empty();
    auto insurer = r.digits(kInsurer, 6, 6, true);
    auto type = r.alnum(kType, 2, true);
    if (type && types && !known_sougou_type(*types, *type)) {
      r.fail(kType, code::kUnknownCode, "総合事業のサービス種類コード（A2〜AF）ではありません",
             "not a 総合事業 service type (A2–AF)");
    }
    auto item = r.alnum(kItem, 4, true);
    auto from = r.year_month(kFrom, true);
    bool end_ok = true;
    auto to = read_end(r, end_ok);
    auto name = r.required(kName);
    auto units = r.integer(kUnits, -999999, 999999, true);
    auto kind = r.one_of(kKind, kKinds, true);
    auto count = r.integer(kCount, 0, 999, false);
    auto period_limit = r.integer(kPeriod, 0, 99, false);
    auto price = r.integer(kPrice, 0, 9999, false);  // 0 or blank: none (一宮町 writes 0)
    auto rate = r.integer(kRate, 0, 100, false);
    auto burden = r.integer(kBurden, 0, 9999999, false);
    std::array<std::optional<int>, 8> eligible{};
    std::size_t last_eligible = long_layout ? kCare5 : kElig2;
    for (std::size_t c = kElig0; c <= last_eligible; ++c) {
      if (auto e = r.one_of(c, kEligible, false)) eligible[c - kElig0] = (*e)[0] - '0';
    }
    auto created = r.date(created_col(long_layout), false);
    if (from && to && *to < *from) {
      r.fail(kTo, code::kPeriod, "適用終了年月が適用開始年月より前です", "valid_to is before valid_from");
    }
    if (!r.ok() || !end_ok || !insurer || !type || !item || !from || !name || !units || !kind) return std::nullopt;
    SougouServiceCode s;
    s.insurer_no = std::string(*insurer);
    s.service_type = std::string(*type);
    s.item_code = std::string(*item);
    s.valid_from = *from;
    s.valid_to = to;
    s.name = std::string(*name);
    s.units = Units{*units};
    s.unit_kind = kind->back() - '0';
    if (count) s.limit_count = static_cast<int>(*count);
    if (period_limit) s.limit_period = static_cast<int>(*period_limit);
    s.limit_class = std::string(r.text(kLimit));
    if (price && *price > 0) s.unit_price = UnitPrice{*price};
    if (rate && *rate > 0) s.benefit_rate = static_cast<int>(*rate);
    if (burden && *burden > 0) s.user_burden = Yen{*burden};
    s.eligible = eligible;
    s.entrusted = std::string(r.text(entrust_col(long_layout)));
    s.created_on = created;
    s.period.from = Date{from->year, from->month, 1};
    if (to) s.period.to = Date{to->year, to->month, to->days()};
    s.line = r.line();
    s.as_service_code = service_code_of(s);
    auto key = *SougouCodeKey::of(s.insurer_no, s.code());  // the widths were checked above
    return Row{key, std::move(s)};
  });
}

}  // namespace kaigo::master
