#include "kaigo/master/masters.hpp"

#include <functional>

#include "kaigo/master/sources.hpp"

namespace kaigo::master {
namespace {

// Where the text of each master comes from: an override when there is one, else the bundled copy.
using Overrides = std::function<std::optional<TextSource>(std::string_view name, Diagnostics& out)>;

std::optional<TextSource> source_for(std::string_view name, const Overrides& overrides, Diagnostics& out) {
  if (overrides) {
    if (auto s = overrides(name, out)) return s;
  }
  auto bundled = bundled_source(name);
  if (!bundled) {
    out.push_back(make_diagnostic(code::kUnreadable, "data/masters/" + std::string(name), 0, 0, "", "",
                                  "同梱マスタがありません", "the bundled master is missing"));
  }
  return bundled;
}

template <class T>
bool take(LoadResult<T>&& loaded, T& into, Diagnostics& out) {
  out.insert(out.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  if (!loaded.table) return false;
  into = std::move(*loaded.table);
  return true;
}

LoadResult<Masters> load_all(const Overrides& overrides) {
  LoadResult<Masters> result;
  auto& diags = result.diagnostics;
  Masters m;
  bool ok = true;
  if (auto s = source_for(files::kServiceTypes, overrides, diags)) {
    ok = take(load_service_types(s->text, s->name), m.service_types, diags) && ok;
  } else {
    ok = false;
  }
  if (auto s = source_for(files::kServiceCodes, overrides, diags)) {
    ok = take(load_service_codes(s->text, s->name, &m.service_types), m.service_codes, diags) && ok;
  } else {
    ok = false;
  }
  auto uplift = source_for(files::kRegionUplift, overrides, diags);
  auto regions = source_for(files::kRegionClasses, overrides, diags);
  if (uplift && regions) {
    ok = take(load_unit_prices(uplift->text, uplift->name, regions->text, regions->name), m.unit_prices, diags) &&
         ok;
  } else {
    ok = false;
  }
  if (auto s = source_for(files::kCareLimits, overrides, diags)) {
    ok = take(load_care_limits(s->text, s->name), m.care_limits, diags) && ok;
  } else {
    ok = false;
  }
  if (auto s = source_for(files::kFacilityCosts, overrides, diags)) {
    ok = take(load_facility_costs(s->text, s->name), m.facility_costs, diags) && ok;
  } else {
    ok = false;
  }
  if (ok) result.table = std::move(m);
  return result;
}

}  // namespace

const SougouServiceCode* Masters::own_code(std::string_view insurer_no, std::string_view service_type,
                                          std::string_view item_code, YearMonth month) const {
  if (sougou.insurers().empty() || !sougou.governs(insurer_no)) return nullptr;
  return sougou.find(insurer_no, service_type, item_code, month);
}

const ServiceCode* Masters::service_code(std::string_view insurer_no, std::string_view service_type,
                                         std::string_view item_code, YearMonth month) const {
  if (!sougou.insurers().empty() && sougou.governs(insurer_no)) {
    const auto* type = service_types.find(service_type, month);
    if (type && is_sougou_type(*type)) {
      const auto* own = sougou.find(insurer_no, service_type, item_code, month);
      return own ? &own->as_service_code : nullptr;
    }
  }
  return service_codes.find(service_type, item_code, month);
}

std::optional<UnitPrice> Masters::unit_price(int region_class, std::string_view service_type, YearMonth month) const {
  const auto* type = service_types.find(service_type, month);
  if (!type) return std::nullopt;
  return unit_prices.unit_price(region_class, type->labor_share, month);
}

std::optional<Units> Masters::limit_of(const Recipient& r, YearMonth month) const {
  if (r.limit_units) return r.limit_units;
  return care_limits.limit(r.care_level, month);
}

LoadResult<Masters> load_bundled_masters() { return load_all(nullptr); }

LoadResult<Masters> load_masters_with(const std::map<std::string, TextSource, std::less<>>& overrides) {
  return load_all([&overrides](std::string_view name, Diagnostics&) -> std::optional<TextSource> {
    auto it = overrides.find(name);
    if (it == overrides.end()) return std::nullopt;
    return it->second;
  });
}

LoadResult<Masters> load_masters_from(const std::filesystem::path& dir) {
  return load_all([&dir](std::string_view name, Diagnostics& out) -> std::optional<TextSource> {
    auto path = dir / std::string(name);
    if (!std::filesystem::exists(path)) return std::nullopt;
    return read_source(path, out);
  });
}

}  // namespace kaigo::master
