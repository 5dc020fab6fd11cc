#include "kaigo/review/config.hpp"

#include "kaigo/master/ledgers.hpp"

namespace kaigo::review {

int Config::hold_months(YearMonth r) const {
  const HoldRule* in_force = nullptr;
  for (const auto& rule : hold) {
    if (rule.from <= r && (in_force == nullptr || in_force->from < rule.from)) in_force = &rule;
  }
  return in_force ? in_force->months : 0;
}

std::optional<Units> Config::type_limit(std::string_view insurer_no, std::string_view service_type,
                                        std::string_view care_level, YearMonth month) const {
  const std::string_view insurer = master::normalize_insurer_no(insurer_no);
  std::optional<Units> found;
  for (const auto& l : type_limits) {
    if (l.insurer_no != insurer || l.service_type != service_type) continue;
    if (!l.care_level.empty() && l.care_level != care_level) continue;
    if (month < l.from || (l.to && *l.to < month)) continue;
    // A level-specific limit is more precise than one for every level.
    if (!found || !l.care_level.empty()) found = l.units;
  }
  return found;
}

Config default_config() {
  Config c;
  c.hold = {{{2000, 4}, 3}, {{2026, 4}, 1}};
  return c;
}

}  // namespace kaigo::review
