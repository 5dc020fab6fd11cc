#include "kaigo/precheck/detail/master_checks.hpp"

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::precheck {
namespace {

void check_office(const CheckEnv& env, const exchange::Record& r, int office_item, const DocInfo& info, YearMonth m) {
  if (env.context.offices == nullptr || r.item(office_item).empty()) return;  // empty: ABB0 says it
  if (env.context.offices->find_any(r.item(office_item), m) != nullptr) return;
  env.findings.add(Level::Format, "ADD0", &info, &r, office_item, fmt::format("サービス提供年月 {}", m.str()),
                   fmt::format("service month {}", m.str()));
}

// ADD1 for one 事業所 × サービス種類; the office itself must be registered (else ADD0 says it).
void check_service(const CheckEnv& env, const exchange::Record& r, std::string_view office, std::string_view type,
                   int item, const DocInfo& info, YearMonth m) {
  const auto* offices = env.context.offices;
  if (offices == nullptr || office.empty() || type.empty() || offices->find(office, type, m) != nullptr) return;
  env.findings.add(Level::Format, "ADD1", &info, &r, item,
                   fmt::format("事業所 {} のサービス種類 {}（{}）", office, type, m.str()),
                   fmt::format("office {} has no service type {} in {}", office, type, m.str()));
}

// ADD3: the 指定／基準該当 class written for a registered 事業所 × サービス種類 differs from the
// ledger's. Both code sets agree on 1 指定 – 5 地域密着型; 6 総合事業 (給付管理票 only) has no
// ledger counterpart and is not compared [INF].
void check_designation(const CheckEnv& env, const exchange::Record& r, std::string_view office, std::string_view type,
                       int item, const DocInfo& info, YearMonth m) {
  const auto* offices = env.context.offices;
  const master::Office* o = offices == nullptr ? nullptr : offices->find(office, type, m);
  auto written = parse_int(r.item(item));
  if (o == nullptr || !written || *written < 1 || *written > 5 || *written == o->designation) return;
  env.findings.add(Level::Format, "ADD3", &info, &r, item,
                   fmt::format("事業所台帳では {}", o->designation), fmt::format("the office ledger has {}", o->designation));
}

void check_insurer(const CheckEnv& env, const exchange::Record& r, int item, const DocInfo& info, YearMonth m) {
  const auto* insurers = env.context.insurers;
  std::string_view no = r.item(item);
  if (insurers == nullptr || no.empty()) return;
  if (!insurers->known(no)) {
    env.findings.add(Level::Format, "ADD2", &info, &r, item);
  } else if (insurers->find(no, m) == nullptr) {
    env.findings.add(Level::Format, "ADDA", &info, &r, item, fmt::format("サービス提供年月 {}", m.str()),
                     fmt::format("service month {}", m.str()));
  }
}

// One サービスコード line: its type allowed on the form, its code known, its units those of the master
// (a municipality's own 総合事業 master for the codes of an insurer that loaded one).
void check_code(const CheckEnv& env, const exchange::Record& r, std::string_view insurer, std::string_view type,
                std::string_view item_code, int type_item, int code_item, int units_item, const DocInfo& info,
                YearMonth m) {
  const master::Masters* masters = env.context.masters;
  if (masters == nullptr || type.empty()) return;
  const auto* st = masters->service_types.find(type, m);
  if (st == nullptr) {
    env.findings.add(Level::Format, "KP29", &info, &r, type_item,
                     fmt::format("サービス種類 {} は {} に有効でない", type, m.str()),
                     fmt::format("service type {} not valid in {}", type, m.str()));
    return;
  }
  if (info.form != nullptr && st->form_id != info.form->code) {
    env.findings.add(Level::Format, "KP29", &info, &r, type_item, fmt::format("{}の様式は {}", st->name, st->form_id),
                     fmt::format("the form of {} is {}", type, st->form_id));
    return;
  }
  const bool own = master::is_sougou_type(*st) && masters->sougou.governs(insurer);
  if (!own && env.covered_types.find(type) == env.covered_types.end()) return;
  const auto* code = masters->service_code(insurer, type, item_code, m);
  if (code == nullptr) {
    env.findings.add(Level::Format, "KP27", &info, &r, code_item,
                     fmt::format("サービスコード {}{}（{}）", type, item_code, m.str()),
                     fmt::format("service code {}{} in {}", type, item_code, m.str()));
    return;
  }
  if (code->units.value == 0) return;  // units from elsewhere (福祉用具貸与: the rental price)
  auto written = parse_int(r.item(units_item));
  if (written && *written == code->units.value) return;
  env.findings.add(Level::Format, "KP28", &info, &r, units_item,
                   fmt::format("{} は {}単位", code->name, code->units.value),
                   fmt::format("the master has {} units", code->units.value));
}

}  // namespace

std::set<std::string, std::less<>> covered_service_types(const master::Masters& masters) {
  std::set<std::string, std::less<>> types;
  masters.service_codes.table().for_each([&](const std::string&, const master::ServiceCode& c) { types.insert(c.service_type); });
  return types;
}

void check_statement_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                             const DocInfo& info) {
  if (!facts.service_month || doc.records().empty()) return;
  const YearMonth m = *facts.service_month;
  const exchange::Record* basic = doc.find("01");
  const exchange::Record& head = basic != nullptr ? *basic : doc.records().front();
  check_office(env, head, 4, info, m);
  check_insurer(env, head, 5, info, m);
  bool office_known = env.context.offices != nullptr && env.context.offices->find_any(head.item(4), m) != nullptr;
  std::vector<std::string_view> types_seen;
  for (const auto& r : doc.records()) {
    bool line = r.kind == "02" || r.kind == "14";
    if (!line && r.kind != "10") continue;
    std::string_view type = r.item(7);
    if (office_known && std::find(types_seen.begin(), types_seen.end(), type) == types_seen.end()) {
      types_seen.push_back(type);
      check_service(env, r, r.item(4), type, 7, info, m);
    }
    // A 住所地特例 line (14) is priced by the 施設所在 municipality's master (item 18).
    std::string_view insurer = r.kind == "14" && !r.item(18).empty() ? r.item(18) : head.item(5);
    if (line) check_code(env, r, insurer, type, r.item(8), 7, 8, 9, info, m);
  }
}

void check_careplan_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                            const DocInfo& info) {
  if (!facts.service_month || doc.records().empty()) return;
  const YearMonth m = *facts.service_month;
  const exchange::Record& head = doc.records().front();
  check_office(env, head, 2, info, m);
  check_insurer(env, head, 5, info, m);
  bool office_known = env.context.offices != nullptr && env.context.offices->find_any(head.item(2), m) != nullptr;
  if (office_known) {
    check_service(env, head, head.item(2), head.item(17).substr(0, 2), 17, info, m);
    check_designation(env, head, head.item(2), head.item(17).substr(0, 2), 3, info, m);
  }
  for (const auto& r : doc.records()) {
    std::string_view code = r.item(17);
    if (code.size() != 6) continue;  // the reader reports a malformed code
    check_code(env, r, head.item(5), code.substr(0, 2), code.substr(2), 17, 17, 18, info, m);
  }
}

void check_plan_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts, const DocInfo& info) {
  if (!facts.service_month || doc.records().empty()) return;
  const YearMonth m = *facts.service_month;
  const exchange::Record& head = doc.records().front();
  check_office(env, head, 4, info, m);
  check_insurer(env, head, 3, info, m);
  for (const auto& r : doc.records()) {
    if (r.item(8) == "99") continue;
    // A plan line that names a provider or type not registered is ADD1 (review-rules §1.3).
    check_service(env, r, r.item(17), r.item(19), 17, info, m);
    check_designation(env, r, r.item(17), r.item(19), 18, info, m);
  }
}

}  // namespace kaigo::precheck
