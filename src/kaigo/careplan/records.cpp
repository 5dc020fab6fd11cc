#include "kaigo/careplan/records.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/careplan/writer.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {
namespace {

// Reading: items of a record without errors, so every conversion below succeeds.
std::string utf8(const Record& r, int no) { return text::to_utf8(r.item(no)); }
std::optional<std::int64_t> number(const Record& r, int no) { return parse_int(r.item(no)); }
std::optional<int> small(const Record& r, int no) {
  auto n = number(r, no);
  return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
}
std::optional<Units> units(const Record& r, int no) {
  auto n = number(r, no);
  return n ? std::optional<Units>(Units{*n}) : std::nullopt;
}
std::optional<Yen> yen(const Record& r, int no) {
  auto n = number(r, no);
  return n ? std::optional<Yen>(Yen{*n}) : std::nullopt;
}
std::optional<Date> date(const Record& r, int no) { return Date::parse(r.item(no)); }
std::optional<UnitPrice> unit_price(const Record& r, int no) {
  std::string_view v = r.item(no);
  auto dot = v.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto whole = parse_int(v.substr(0, dot));
  auto cents = parse_int(v.substr(dot + 1));
  if (!whole || !cents) return std::nullopt;
  return UnitPrice{*whole * 100 + *cents};
}
std::string time_of(const Record& r, int no) { return r.item(no) == "9999" ? std::string() : std::string(r.item(no)); }

// Writing.
std::string str(const std::optional<int>& v) { return v ? fmt::to_string(*v) : std::string(); }
std::string str(const std::optional<Units>& v) { return v ? fmt::to_string(v->value) : std::string(); }
std::string str(const std::optional<Yen>& v) { return v ? fmt::to_string(v->value) : std::string(); }
std::string str(const std::optional<Date>& v) { return v ? v->str() : std::string(); }
std::string str(const std::optional<UnitPrice>& v) {
  return v ? fmt::format("{}.{:02d}", v->x100 / 100, v->x100 % 100) : std::string();
}
std::string time_str(const std::string& t) { return t.empty() ? std::string("9999") : t; }

const Layout& layout_of(std::string_view name) {
  const Layout* l = Registry::instance().layout(name);
  if (l == nullptr) throw std::logic_error(fmt::format("careplan layout {} missing", name));
  return *l;
}

const CsvVersion& version_or_current(const CsvVersion* v) {
  return v != nullptr ? *v : Registry::instance().current_version();
}

template <class T, class Add>
ReadValues<T> read_with(Add add, const std::function<FileCheck(const CheckOptions&)>& run) {
  ReadValues<T> out;
  CheckOptions options;
  options.on_record = [&](const Record& r, bool has_errors) {
    if (!has_errors && r.layout != nullptr) add(r, out.values);
  };
  out.check = run(options);
  return out;
}

// A sheet's identity in a file: 保険者番号, 被保険者番号, 対象年月 (as written).
using SheetKey = std::tuple<std::string, std::string, std::string>;
using SheetIndex = std::map<SheetKey, std::size_t>;

// Groups records into sheets by (person, month), in order of first appearance.
template <class Sheet>
Sheet& sheet_for(std::vector<Sheet>& sheets, SheetIndex& index, const Record& r) {
  auto [it, inserted] = index.try_emplace(SheetKey{r.item(2), r.item(3), r.item(5)}, sheets.size());
  if (inserted) {
    sheets.emplace_back();
    Sheet& s = sheets.back();
    s.person = {std::string(r.item(2)), std::string(r.item(3))};
    s.created = *date(r, 4);
    s.month = *YearMonth::parse(r.item(5));
  }
  return sheets[it->second];
}

ServiceUse service_use(const Record& r) {
  ServiceUse u;
  u.units = units(r, 8);
  u.short_stay_days_before = small(r, 9);
  u.date = *date(r, 10);
  u.daily_rate_days = std::string(r.item(11));
  u.start_time = time_of(r, 12);
  u.end_time = time_of(r, 13);
  u.count = small(r, 14).value_or(0);
  u.service_code = std::string(r.item(15));
  u.tais_code = std::string(r.item(16));
  u.notified_code = std::string(r.item(17));
  u.product_name = utf8(r, 18);
  u.discriminator = small(r, 19);
  u.office_no = std::string(r.item(20));
  u.office_name = utf8(r, 21);
  u.satellite = std::string(r.item(22));
  u.over_30_days = r.item(23) == "1";
  u.updater = std::string(r.item(24));
  return u;
}

BenefitRowKind row_kind(std::string_view code) {
  if (code == "999999") return BenefitRowKind::GrandTotal;
  auto tail = code.size() == 6 ? code.substr(2) : std::string_view{};
  if (tail == "AAAA") return BenefitRowKind::LimitSubtotal;
  if (tail == "EEEE") return BenefitRowKind::OutsideSubtotal;
  if (tail == "ZZZZ") return BenefitRowKind::Over30Subtotal;
  return BenefitRowKind::Service;
}

BenefitRow benefit_row(const Record& r) {
  BenefitRow b;
  b.office_name = utf8(r, 6);
  b.office_no = std::string(r.item(7));
  b.satellite = std::string(r.item(8));
  b.service_code = std::string(r.item(9));
  b.kind = row_kind(b.service_code);
  b.tais_code = std::string(r.item(10));
  b.notified_code = std::string(r.item(11));
  b.product_name = utf8(r, 12);
  b.units = units(r, 13).value_or(Units{});
  b.discount_rate = small(r, 14);
  b.discounted_units = units(r, 15);
  b.count = small(r, 16).value_or(0);
  b.unit_amount = yen(r, 17);
  b.managed_units = units(r, 18);
  b.type_limit_over = units(r, 19);
  b.type_limit_within = units(r, 20);
  b.limit_over = units(r, 21);
  b.limit_within = units(r, 22);
  b.unit_price = unit_price(r, 23);
  b.total_cost = yen(r, 24);
  b.benefit_rate = small(r, 25);
  b.claim = yen(r, 26);
  b.fixed_burden_unit = yen(r, 27);
  b.user_burden = yen(r, 28);
  b.user_burden_full = yen(r, 29);
  b.days_before = small(r, 30);
  b.days_planned = small(r, 31);
  b.days_cumulative = small(r, 32);
  b.over_30_days = r.item(33) == "1";
  b.office_code = std::string(r.item(34));
  b.input_code = std::string(r.item(35));
  b.updater = std::string(r.item(36));
  return b;
}

UserSupplement supplement(const Record& r) {
  UserSupplement s;
  s.person = {std::string(r.item(2)), std::string(r.item(3))};
  if (r.item(4) != "00000000") s.plan_date = date(r, 4);
  if (r.item(63) != "000000") s.month = YearMonth::parse(r.item(63));
  s.name_kana = utf8(r, 5);
  s.name = utf8(r, 6);
  s.sex = std::string(r.item(7));
  s.birth_date = date(r, 8);
  s.postal_code = std::string(r.item(9));
  s.address1 = utf8(r, 10);
  s.address2 = utf8(r, 11);
  s.phone = std::string(r.item(12));
  s.certified_on = date(r, 13);
  s.limit_from = date(r, 14);
  s.limit_to = date(r, 15);
  s.cert_status = std::string(r.item(16));
  s.level_changed_on = date(r, 17);
  s.care_level = std::string(r.item(18));
  s.limit_units = units(r, 19);
  for (int slot = 0; slot < 9; ++slot) {
    int first = 20 + slot * 4;
    if (r.item(first).empty() && r.item(first + 1).empty() && r.item(first + 2).empty() && r.item(first + 3).empty()) break;
    s.type_limits.push_back({std::string(r.item(first)), units(r, first + 1), units(r, first + 2), units(r, first + 3)});
  }
  s.total_over = units(r, 56);
  s.days_before_admission = small(r, 57);
  s.days_cumulative = small(r, 58);
  s.previous_care_level = std::string(r.item(59));
  s.consent_office = std::string(r.item(60));
  s.updater = std::string(r.item(61));
  return s;
}

}  // namespace

Units UsageSheet::total_units() const {
  Units t;
  for (const auto& l : lines) t += l.units.value_or(Units{});
  return t;
}

UsageSheet UsageSheet::folded() && {
  std::vector<ServiceUse> kept;  // a sheet names a handful of office × code pairs: a linear search
  for (auto& l : lines) {
    auto same = std::find_if(kept.begin(), kept.end(), [&](const ServiceUse& k) {
      return k.service_code == l.service_code && k.office_no == l.office_no;
    });
    if (same == kept.end()) {
      kept.push_back(std::move(l));
    } else if (l.units) {
      same->units = same->units.value_or(Units{}) + *l.units;
    }
  }
  lines = std::move(kept);
  lines.shrink_to_fit();
  return std::move(*this);
}

Units UsageSheet::units_of(const std::string& office_no, const std::string& service_type) const {
  Units t;
  for (const auto& l : lines) {
    if (l.office_no == office_no && l.service_type() == service_type) t += l.units.value_or(Units{});
  }
  return t;
}

const BenefitRow* BenefitSheet::grand_total() const {
  for (const auto& r : rows) {
    if (r.kind == BenefitRowKind::GrandTotal) return &r;
  }
  return nullptr;
}

Units BenefitSheet::managed_units() const {
  Units t;
  for (const auto& r : rows) {
    if (r.kind == BenefitRowKind::Service) t += r.managed_units.value_or(Units{});
  }
  return t;
}

namespace {

auto usage_adder() {
  return [index = SheetIndex{}](const Record& r, std::vector<UsageSheet>& sheets) mutable {
    UsageSheet& s = sheet_for(sheets, index, r);
    if (s.lines.empty()) {
      s.kind = r.kind->from == Side::CareManager ? UsageKind::Plan : UsageKind::Actual;
      s.plan_office_no = std::string(r.item(6));
      s.planner_name = utf8(r, 7);
    }
    s.lines.push_back(service_use(r));
  };
}

auto benefit_adder() {
  return [index = SheetIndex{}](const Record& r, std::vector<BenefitSheet>& sheets) mutable {
    sheet_for(sheets, index, r).rows.push_back(benefit_row(r));
  };
}

void supplement_adder(const Record& r, std::vector<UserSupplement>& out) { out.push_back(supplement(r)); }

// A 利用票 or 別表 file: a row per line of each sheet, the sheet's key items (CSV version, person,
// 作成年月日, 対象年月) first, then `line_items(sheet, line)`.
template <class Sheet, class LinesOf, class LineItems>
std::string write_sheet_lines(std::string_view layout, std::span<const Sheet> sheets, const CsvVersion* version,
                              LinesOf lines_of, LineItems line_items) {
  Writer w(layout_of(layout));
  const std::string& v = version_or_current(version).value;
  for (const auto& s : sheets) {
    for (const auto& line : lines_of(s)) {
      std::vector<std::string> items{v, s.person.insurer_no, s.person.insured_no, s.created.str(), s.month.str()};
      for (auto& item : line_items(s, line)) items.push_back(std::move(item));
      w.add_utf8(items);
    }
  }
  return w.take();
}

}  // namespace

ReadValues<UsageSheet> read_usage_sheets(std::string_view file_name, std::string_view bytes) {
  return read_with<UsageSheet>(usage_adder(), [&](const CheckOptions& o) { return check_bytes(file_name, bytes, o); });
}
ReadValues<UsageSheet> read_usage_sheets(const std::filesystem::path& path) {
  return read_with<UsageSheet>(usage_adder(), [&](const CheckOptions& o) { return check_file(path, o); });
}
ReadValues<BenefitSheet> read_benefit_sheets(std::string_view file_name, std::string_view bytes) {
  return read_with<BenefitSheet>(benefit_adder(), [&](const CheckOptions& o) { return check_bytes(file_name, bytes, o); });
}
ReadValues<BenefitSheet> read_benefit_sheets(const std::filesystem::path& path) {
  return read_with<BenefitSheet>(benefit_adder(), [&](const CheckOptions& o) { return check_file(path, o); });
}
ReadValues<UserSupplement> read_supplements(std::string_view file_name, std::string_view bytes) {
  return read_with<UserSupplement>(supplement_adder, [&](const CheckOptions& o) { return check_bytes(file_name, bytes, o); });
}
ReadValues<UserSupplement> read_supplements(const std::filesystem::path& path) {
  return read_with<UserSupplement>(supplement_adder, [&](const CheckOptions& o) { return check_file(path, o); });
}

std::string write_usage_sheets(std::span<const UsageSheet> sheets, const CsvVersion* version) {
  return write_sheet_lines(
      "riyohyo", sheets, version, [](const UsageSheet& s) -> const auto& { return s.lines; },
      [](const UsageSheet& s, const ServiceUse& u) {
        return std::vector<std::string>{
            s.plan_office_no, s.planner_name, str(u.units), str(u.short_stay_days_before), u.date.str(),
            u.daily_rate_days, time_str(u.start_time), time_str(u.end_time), fmt::to_string(u.count), u.service_code,
            u.tais_code, u.notified_code, u.product_name, str(u.discriminator), u.office_no, u.office_name,
            u.satellite, u.over_30_days ? "1" : "0", u.updater, ""};
      });
}

std::string write_benefit_sheets(std::span<const BenefitSheet> sheets, const CsvVersion* version) {
  return write_sheet_lines(
      "beppyo", sheets, version, [](const BenefitSheet& s) -> const auto& { return s.rows; },
      [](const BenefitSheet&, const BenefitRow& b) {
        return std::vector<std::string>{
            b.office_name, b.office_no, b.satellite, b.service_code, b.tais_code, b.notified_code, b.product_name,
            fmt::to_string(b.units.value), str(b.discount_rate), str(b.discounted_units), fmt::to_string(b.count),
            str(b.unit_amount), str(b.managed_units), str(b.type_limit_over), str(b.type_limit_within),
            str(b.limit_over), str(b.limit_within), str(b.unit_price), str(b.total_cost), str(b.benefit_rate),
            str(b.claim), str(b.fixed_burden_unit), str(b.user_burden), str(b.user_burden_full), str(b.days_before),
            str(b.days_planned), str(b.days_cumulative), b.over_30_days ? "1" : "0", b.office_code, b.input_code,
            b.updater, ""};
      });
}

std::string write_supplements(std::span<const UserSupplement> supplements, const CsvVersion* version) {
  Writer w(layout_of("hosoku"));
  const std::string& v = version_or_current(version).value;
  for (const auto& s : supplements) {
    if (s.type_limits.size() > 9) {
      throw std::invalid_argument("サービス種類別の限度額は 9 枠まで / at most 9 service-type limit slots");
    }
    std::vector<std::string> items{v,
                                   s.person.insurer_no,
                                   s.person.insured_no,
                                   s.plan_date ? s.plan_date->str() : "00000000",
                                   s.name_kana,
                                   s.name,
                                   s.sex,
                                   str(s.birth_date),
                                   s.postal_code,
                                   s.address1,
                                   s.address2,
                                   s.phone,
                                   str(s.certified_on),
                                   str(s.limit_from),
                                   str(s.limit_to),
                                   s.cert_status,
                                   str(s.level_changed_on),
                                   s.care_level,
                                   str(s.limit_units)};
    for (std::size_t slot = 0; slot < 9; ++slot) {
      if (slot < s.type_limits.size()) {
        const TypeLimit& t = s.type_limits[slot];
        items.insert(items.end(), {t.service_type, str(t.limit), str(t.total), str(t.over)});
      } else {
        items.insert(items.end(), {"", "", "", ""});
      }
    }
    items.insert(items.end(), {str(s.total_over), str(s.days_before_admission), str(s.days_cumulative),
                               s.previous_care_level, s.consent_office, s.updater, "",
                               s.month ? s.month->str() : "000000"});
    w.add_utf8(items);
  }
  return w.take();
}

}  // namespace kaigo::careplan
