#include "kaigo/review/config.hpp"

#include "kaigo/master/ledgers.hpp"

namespace kaigo::review {

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

Config config_of(const ReviewSettings& settings) {
  Config c;
  static_cast<ReviewSettings&>(c) = settings;
  return c;
}

}  // namespace kaigo::review
