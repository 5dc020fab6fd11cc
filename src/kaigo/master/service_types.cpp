#include "kaigo/master/service_types.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/care_limits.hpp"

namespace kaigo::master {
namespace {

enum Col : std::size_t { kCode, kName, kShare, kForm, kNeedsPlan, kLimit, kKago, kInvoice, kLevels, kFrom, kTo, kSource };
constexpr auto kColumns = dated_sourced_columns({
    {"code", "サービス種類コード"},
    {"name", "サービス種類名称"},
    {"labor_share", "人件費割合"},
    {"form_id", "交換情報識別番号"},
    {"needs_plan", "給付管理票要否"},
    {"limit_target", "区分支給限度額対象"},
    {"kago_form", "過誤様式番号"},
    {"invoice_class", "請求情報区分コード"},
    {"care_levels", "利用できる要介護状態区分"},
});
constexpr std::array<std::string_view, 2> kFlags{"0", "1"};
constexpr std::array<std::string_view, 4> kInvoiceClasses{"01", "02", "05", "06"};

// 要介護状態区分コード separated by spaces, each one known (KM07 otherwise).
std::optional<std::vector<std::string>> care_levels(RowReader& r) {
  auto text = r.required(kLevels);
  if (!text) return std::nullopt;
  std::vector<std::string> out;
  for (auto code : split(*text, ' ')) {
    if (!is_care_level_code(code)) {
      r.fail(kLevels, code::kUnknownCode, fmt::format("利用できる要介護状態区分のコードが不正です（{}）", code),
             fmt::format("care_levels: unknown care level {}", code));
      return std::nullopt;
    }
    out.emplace_back(code);
  }
  return out;
}

}  // namespace

bool ServiceType::allows(std::string_view care_level) const {
  return std::find(care_levels.begin(), care_levels.end(), care_level) != care_levels.end();
}

LoadResult<ServiceTypeMaster> load_service_types(std::string_view text, std::string file_name) {
  return load_versioned<ServiceTypeMaster>(text, std::move(file_name), {kColumns}, kFrom,
                                           [](RowReader& r) -> std::optional<Keyed<ServiceType>> {
    auto code = r.alnum(kCode, 2, true);
    auto name = r.required(kName);
    auto share = r.word(kShare, kLaborShares, true);
    auto form = r.alnum(kForm, 4, true);
    auto plan = r.one_of(kNeedsPlan, kFlags, true);
    auto limit = r.one_of(kLimit, kFlags, true);
    auto kago = r.alnum(kKago, 2, true);
    auto invoice = r.one_of(kInvoice, kInvoiceClasses, true);
    auto levels = care_levels(r);
    auto period = read_period(r, kFrom, kTo);
    if (!r.ok() || !code || !name || !share || !form || !plan || !limit || !kago || !invoice || !levels || !period) {
      return std::nullopt;
    }
    ServiceType t;
    t.code = std::string(*code);
    t.name = std::string(*name);
    t.labor_share = *share;
    t.form_id = std::string(*form);
    t.needs_plan = *plan == "1";
    t.limit_target = *limit == "1";
    t.kago_form = std::string(*kago);
    t.invoice_class = std::string(*invoice);
    t.care_levels = std::move(*levels);
    t.source = std::string(r.text(kSource));
    t.period = *period;
    t.line = r.line();
    return Keyed<ServiceType>{t.code, std::move(t)};
  });
}

}  // namespace kaigo::master
