// platform/golive_status — where each municipality stands (seed 004 §2: 介護情報基盤の利用開始時期):
// the insurers of the 保険者台帳 and of the go-live table, each with its 介護情報基盤利用開始日 and
// its state on a day, as rows for the portal's page, the API and the CSV.
// Owns: the rule date + day → state and the rows' one CSV form. Must not: read the database (the
// caller passes the go-live table as `Repository::golives()` gives it, the one the platform's
// access decisions read) or know HTTP.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/platform/repository.hpp"

namespace kaigo::platform {

// 利用開始状況 of one insurer on one day.
enum class GoLiveState : std::uint8_t {
  Live,       // 利用開始済: the date is on or before the day (the platform shows its records)
  Scheduled,  // 開始予定: a date after the day
  Undecided,  // 未定: in the 保険者台帳, no date loaded
};
inline constexpr EnumTable<GoLiveState, 3> kGoLiveStates{{{
#include "kaigo/platform/go_live_state.enum.inc"
}}};
constexpr const auto& enum_table(GoLiveState) { return kGoLiveStates; }

// The rule, the same one access.cpp applies (live when golive_on <= day).
GoLiveState golive_state(std::optional<Date> golive_on, Date day);

struct GoLiveRow {
  std::string insurer_no;          // 保険者番号 (6)
  std::string insurer_name;        // 保険者名 from the 保険者台帳 (empty: a date for an insurer it lacks)
  std::optional<Date> golive_on;   // 介護情報基盤利用開始日
  GoLiveState state = GoLiveState::Undecided;
};

// Every insurer of the ledger valid on `day` and every insurer with a date (the ledger's name
// when it has the insurer in some period), by 保険者番号.
std::vector<GoLiveRow> golive_status(const master::InsurerLedger& insurers, std::span<const GoLive> dates, Date day);

struct GoLiveCounts {
  std::size_t live = 0, scheduled = 0, undecided = 0;
};
GoLiveCounts count_states(std::span<const GoLiveRow> rows);

// The CSV (UTF-8 with a BOM, so that a spreadsheet reads the Japanese; LF line ends):
//   保険者番号,保険者名,利用開始日,状態,state
//   132019,八王子市,20260401,利用開始済,live
// 利用開始日 YYYYMMDD or empty; a name with a comma or quote is quoted (RFC 4180).
inline constexpr std::string_view kGoLiveCsvHeader = "保険者番号,保険者名,利用開始日,状態,state";
std::string golive_csv(std::span<const GoLiveRow> rows);

nlohmann::json to_json(const GoLiveRow& r);
// {"on", "counts": {live, scheduled, undecided}, "insurers": [...]}
nlohmann::json golive_status_json(std::span<const GoLiveRow> rows, Date day);

}  // namespace kaigo::platform
