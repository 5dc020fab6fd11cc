#include "kaigo/platform/golive_status.hpp"

#include <map>

#include "kaigo/core/csv_text.hpp"
#include "kaigo/core/enum_table.hpp"

namespace kaigo::platform {

GoLiveState golive_state(std::optional<Date> golive_on, Date day) {
  if (!golive_on) return GoLiveState::Undecided;
  return *golive_on <= day ? GoLiveState::Live : GoLiveState::Scheduled;
}

namespace {

// The insurer's name on `day`, else its latest one; nullopt when the ledger never had it.
struct LedgerName {
  std::string name;
  bool in_force = false;
};

std::map<std::string, LedgerName> ledger_names(const master::InsurerLedger& insurers, Date day) {
  std::map<std::string, LedgerName> out;
  insurers.table().for_each([&](const std::string& no, const master::Insurer& v) {
    auto& n = out[no];
    if (n.in_force) return;
    if (v.period.contains(day)) {
      n = {v.name, true};
    } else {
      n.name = v.name;  // versions come oldest first: the latest wins
    }
  });
  return out;
}

}  // namespace

std::vector<GoLiveRow> golive_status(const master::InsurerLedger& insurers, std::span<const GoLive> dates, Date day) {
  const auto names = ledger_names(insurers, day);
  std::map<std::string, GoLiveRow> rows;
  for (const auto& [no, n] : names) {
    if (n.in_force) rows[no] = {no, n.name, std::nullopt, GoLiveState::Undecided};
  }
  for (const auto& g : dates) {
    auto& r = rows[g.insurer_no];
    r.insurer_no = g.insurer_no;
    if (auto it = names.find(g.insurer_no); it != names.end()) r.insurer_name = it->second.name;
    r.golive_on = g.golive_on;
  }
  std::vector<GoLiveRow> out;
  out.reserve(rows.size());
  for (auto& [no, r] : rows) {
    r.state = golive_state(r.golive_on, day);
    out.push_back(std::move(r));
  }
  return out;
}

GoLiveCounts count_states(std::span<const GoLiveRow> rows) {
  GoLiveCounts c;
  for (const auto& r : rows) {
    if (r.state == GoLiveState::Live) ++c.live;
    if (r.state == GoLiveState::Scheduled) ++c.scheduled;
    if (r.state == GoLiveState::Undecided) ++c.undecided;
  }
  return c;
}

std::string golive_csv(std::span<const GoLiveRow> rows) {
  std::string out = "\xEF\xBB\xBF";
  out += kGoLiveCsvHeader;
  out += '\n';
  for (const auto& r : rows) {
    append_csv_row(out, {r.insurer_no, r.insurer_name, r.golive_on ? r.golive_on->str() : std::string(),
                         std::string(enum_ja(r.state)), std::string(enum_code(r.state))});
  }
  return out;
}

nlohmann::json to_json(const GoLiveRow& r) {
  return {{"insurer_no", r.insurer_no},
          {"insurer_name", r.insurer_name},
          {"golive_on", r.golive_on ? nlohmann::json(r.golive_on->str()) : nlohmann::json(nullptr)},
          {"state", enum_code(r.state)},
          {"state_ja", enum_ja(r.state)}};
}

nlohmann::json golive_status_json(std::span<const GoLiveRow> rows, Date day) {
  auto list = nlohmann::json::array();
  for (const auto& r : rows) list.push_back(to_json(r));
  const auto c = count_states(rows);
  return {{"on", day.str()},
          {"counts", {{"live", c.live}, {"scheduled", c.scheduled}, {"undecided", c.undecided}}},
          {"insurers", list}};
}

}  // namespace kaigo::platform
