#include "kaigo/master/service_codes.hpp"

#include <array>

namespace kaigo::master {
namespace {

enum Col : std::size_t { kType, kItem, kName, kUnits, kKind, kLimit, kFrom, kTo, kDaily, kSource };
constexpr std::array<Column, 10> kColumns{{
    {"service_type", "サービス種類コード"},
    {"item_code", "サービス項目コード"},
    {"name", "サービス名称"},
    {"units", "単位数"},
    {"unit_kind", "算定単位"},
    {"limit_target", "限度額管理対象区分"},
    kValidFromColumn,
    kValidToColumn,
    {"daily_item_code", "日割りサービス項目コード", true},
    kSourceColumn,
}};
constexpr std::array<std::string_view, 3> kKinds{"1", "2", "3"};
constexpr std::array<std::string_view, 2> kFlags{"0", "1"};

}  // namespace

const ServiceCode* ServiceCodeMaster::find(std::string_view service_type, std::string_view item_code,
                                           YearMonth month) const {
  char key[6];
  if (service_type.size() != 2 || item_code.size() != 4) return nullptr;
  std::copy(service_type.begin(), service_type.end(), key);
  std::copy(item_code.begin(), item_code.end(), key + 2);
  return find(std::string_view(key, 6), month);
}

const ServiceCode* ServiceCodeMaster::monthly_of(std::string_view code6, YearMonth month) const {
  auto it = monthly_of_daily_.find(code6);
  return it == monthly_of_daily_.end() ? nullptr : find(it->second, month);
}

LoadResult<ServiceCodeMaster> load_service_codes(std::string_view text, std::string file_name,
                                                 const ServiceTypeMaster* types) {
  ServiceCodeMaster::MonthlyOfDaily monthly_of_daily;
  auto read = [&](RowReader& r) -> std::optional<Keyed<ServiceCode>> {
    auto type = r.alnum(kType, 2, true);
    if (type && types && !types->known(*type)) {
      r.fail(kType, code::kUnknownCode, "サービス種類コードがサービス種類マスタにありません",
             "service type is not in the service type master");
    }
    auto item = r.alnum(kItem, 4, true);
    auto name = r.required(kName);
    auto units = r.integer(kUnits, -999999, 999999, false);
    auto kind = r.one_of(kKind, kKinds, true);
    auto limit = r.one_of(kLimit, kFlags, true);
    auto period = read_period(r, kFrom, kTo);
    auto daily = r.alnum(kDaily, 4, false);
    if (!r.ok() || !type || !item || !name || !kind || !limit || !period) return std::nullopt;
    ServiceCode c;
    c.service_type = std::string(*type);
    c.item_code = std::string(*item);
    c.name = std::string(*name);
    c.units = Units{units.value_or(0)};
    c.unit_kind = static_cast<UnitKind>((*kind)[0] - '0');
    c.limit_target = *limit == "1";
    c.daily_item_code = daily ? std::string(*daily) : std::string();
    c.source = std::string(r.text(kSource));
    c.period = *period;
    c.line = r.line();
    if (!c.daily_item_code.empty()) monthly_of_daily[c.service_type + c.daily_item_code] = c.code();
    return Keyed<ServiceCode>{c.code(), std::move(c)};
  };
  return load_versioned<ServiceCodeMaster>(text, std::move(file_name), {kColumns}, kFrom, read,
                                           std::move(monthly_of_daily));
}

}  // namespace kaigo::master
