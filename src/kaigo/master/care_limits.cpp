#include "kaigo/master/care_limits.hpp"

#include <array>

namespace kaigo::master {
namespace {

struct Level {
  std::string_view code;
  std::string_view name;
  int rank;
};
constexpr std::array<Level, 10> kLevels{{
    {"01", "非該当", 0},
    {"06", "事業対象者", 1},
    {"12", "要支援1", 2},
    {"13", "要支援2", 3},
    {"11", "経過的要介護", 4},
    {"21", "要介護1", 5},
    {"22", "要介護2", 6},
    {"23", "要介護3", 7},
    {"24", "要介護4", 8},
    {"25", "要介護5", 9},
}};

const Level* level(std::string_view code) {
  for (const auto& l : kLevels) {
    if (l.code == code) return &l;
  }
  return nullptr;
}

enum Col : std::size_t { kLevel, kName, kLimit, kFrom, kTo, kSource };
constexpr auto kColumns = dated_sourced_columns({
    {"care_level", "要介護状態区分コード"},
    {"name", "要介護状態区分名称"},
    {"limit_units", "区分支給限度基準額"},
});

}  // namespace

bool is_care_level_code(std::string_view code) { return level(code) != nullptr; }

std::string_view care_level_name(std::string_view code) {
  const auto* l = level(code);
  return l ? l->name : std::string_view{};
}

int care_level_rank(std::string_view code) {
  const auto* l = level(code);
  return l ? l->rank : -1;
}

std::optional<Units> CareLimitMaster::limit(std::string_view care_level, YearMonth month) const {
  const auto* v = table_.in_month(care_level, month);
  if (!v) return std::nullopt;
  return v->limit;
}

LoadResult<CareLimitMaster> load_care_limits(std::string_view text, std::string file_name) {
  return load_versioned<CareLimitMaster>(text, std::move(file_name), {kColumns}, kFrom,
                                         [](RowReader& r) -> std::optional<Keyed<CareLimit>> {
    auto lv = r.required(kLevel);
    if (lv && !is_care_level_code(*lv)) {
      r.fail(kLevel, code::kUnknownCode, "要介護状態区分コードが不正です", "unknown care level code");
    }
    auto name = r.required(kName);
    auto units = r.integer(kLimit, 0, 999999, true);
    auto period = read_period(r, kFrom, kTo);
    if (!r.ok() || !lv || !name || !units || !period) return std::nullopt;
    return Keyed<CareLimit>{std::string(*lv), {std::string(*lv), std::string(*name), Units{*units},
                                               std::string(r.text(kSource)), *period, r.line()}};
  });
}

}  // namespace kaigo::master
