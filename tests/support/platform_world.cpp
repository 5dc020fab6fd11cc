#include "support/platform_world.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/gen/generator.hpp"
#include "support/auth_support.hpp"
#include "support/gen_month.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

// Offices the gen month has not: two facilities of the seed 004 §3 column 介護老人保健施設・介護
// 医療院, and another home-care office.
constexpr const char* kExtraOffices =
    "1370000101,52,さくら介護老人保健施設,1,20200401,,1,131013,1000101,さくら市7丁目1番,医療法人さく会,みらい銀行,さく支店\n"
    "1370000102,55,さくら介護医療院,1,20200401,,1,131013,1000102,さくら市7丁目2番,医療法人さく会,みらい銀行,さく支店\n";

}  // namespace

PlatformWorld::PlatformWorld(int serving_months) {
  auto masters = master::load_bundled_masters();
  const auto o = gen_month_options(dir_ / "month", {2026, 8}, 6, 40, 5);
  gen::generate(o, *masters.table);
  db_ = store::Database::create(dir_ / "k.db");
  const auto at = jst("2026-04-01T00:00:00");
  db_->store_settings(read_file(o.out / "kokuhoren.toml") + fmt::format("\n[platform]\nserving_months = {}\n", serving_months),
                      "kokuhoren.toml", at);
  for (auto kind : {store::TableKind::Services, store::TableKind::Offices, store::TableKind::Insurers,
                    store::TableKind::Recipients}) {
    auto name = std::string(enum_code(kind)) + ".csv";
    auto text = read_file(o.out / name);
    if (kind == store::TableKind::Offices) text += kExtraOffices;
    if (!store::load_table(*db_, kind, name, text, at).stored) throw std::runtime_error("ledger did not load: " + name);
  }
  world_ = store::load_tables_in_force(*db_);
  precheck::PrecheckContext context;
  context.masters = &world_.masters;
  context.offices = &world_.offices;
  context.insurers = &world_.insurers;
  reception::Reception reception(*db_, db_->settings().reception, context);
  for (const auto& e : fs::recursive_directory_iterator(o.out / "submissions")) {
    if (!e.is_regular_file()) continue;
    auto s = reception.submit(e.path().filename().string(), read_file(e.path()), jst("2026-08-05T10:00:00"));
    if (s.state != reception::FileState::Accepted) throw std::runtime_error("a generated file was not accepted");
  }
  // A client of the 居宅介護支援事業所 1370000001: its 様式第七 明細書 names them.
  const auto recipients = read_file(o.out / "recipients.csv");  // the lines below are views into it
  for (auto line : lines(recipients)) {
    auto f = split(line, ',');
    if (f.size() > 12 && f[12] == kSupportOffice) {
      client_ = {std::string(f[0]), std::string(f[1])};
      break;
    }
  }
  auth_ = std::make_unique<store::AuthStore>(*db_);
  repo_ = std::make_unique<store::PlatformStore>(*db_);
  platform_ = std::make_unique<platform::Platform>(*repo_, *auth_, world_.offices, db_->settings().platform);
  using auth::Job;
  using auth::Role;
  add_user("KJ0000000101", Role::Insured, Job::None, std::string(kInsurer) + ":9000000001");
  add_user("KJ0000000201", Role::Municipality, Job::None, kInsurer);
  add_user("KJ0000000202", Role::Municipality, Job::None, kOtherInsurer);
  add_user("KJ0000000203", Role::Municipality, Job::None, kInsurer);  // a committee member
  add_user("KJ0000000301", Role::Office, Job::CareManager, kSupportOffice);
  add_user("KJ0000000302", Role::Office, Job::Clerk, kSupportOffice);
  add_user("KJ0000000401", Role::Office, Job::Doctor, kRoken);
  add_user("KJ0000000402", Role::Office, Job::CareManager, kRoken);
  add_user("KJ0000000403", Role::Office, Job::Clerk, kRoken);
  add_user("KJ0000000404", Role::Office, Job::Doctor, kIryoin);
  add_user("KJ0000000501", Role::Office, Job::CareManager, kOtherOffice);
  add_user("KJ0000000502", Role::Office, Job::Other, kOtherOffice);
  add_user("KJ0000000601", Role::Medical, Job::Doctor, kClinic);
  add_user("KJ0000000602", Role::Medical, Job::Clerk, kClinic);
  add_user("KJ0000000603", Role::Medical, Job::Other, kClinic);
  add_user("KJ0000000604", Role::Medical, Job::Doctor, kOtherClinic);
  add_user("KJ0000000701", Role::Kokuhoren, Job::None, "");
}

auth::User PlatformWorld::add_user(const std::string& id, auth::Role role, auth::Job job, const std::string& where) {
  auth::User u;
  u.id = id;
  u.role = role;
  u.job = job;
  if (role == auth::Role::Office) u.offices = {where};
  if (role == auth::Role::Medical) u.medical_code = where;
  if (role == auth::Role::Municipality) u.insurer_no = where;
  if (role == auth::Role::Insured) {
    u.insurer_no = where.substr(0, where.find(':'));
    u.insured_no = where.substr(where.find(':') + 1);
  }
  Settings settings;
  settings.auth = fast_auth_settings();
  auth::Accounts accounts(*auth_, *auth_, settings.auth, nullptr, settings.name);
  auto refused = accounts.add(u, "correct horse battery staple", operator_at("2026-04-01T09:00:00"));
  if (!refused.empty()) throw std::runtime_error("user add: " + refused[0].to_string());
  users_.push_back(u);
  return u;
}

const auth::User& PlatformWorld::user(const std::string& id) const {
  auto it = std::find_if(users_.begin(), users_.end(), [&](const auth::User& u) { return u.id == id; });
  if (it == users_.end()) throw std::logic_error("no test user " + id);
  return *it;
}

void PlatformWorld::golive(const std::string& insurer, const char* yyyymmdd) {
  auto a = platform_->load_golive(operator_at("2026-03-20T09:00:00"), fmt::format("insurer_no,golive_on\n{},{}\n", insurer, yyyymmdd),
                                  "golive.csv");
  if (!a.stored) throw std::runtime_error("golive refused: " + a.errors.front().message_en);
}

platform::LinkageAnswer PlatformWorld::load(const std::string& csv, const char* at, const auth::User* by) {
  auto caller = by ? auth::Caller{by->id, "test", jst(at)} : operator_at(at);
  return platform_->load_linkage(caller, by, csv, "linkage.csv");
}

platform::ViewResult PlatformWorld::view(const std::string& user_id, const master::PersonId& person, platform::ViewKind kind,
                                         const char* at, const std::string& office) {
  return platform_->view(user(user_id), {user_id, "test", jst(at)}, person, kind, office);
}

platform::Outcome PlatformWorld::identify(const std::string& user_id, const master::PersonId& person, const char* at,
                                          const std::string& office) {
  return platform_->identify(user(user_id), {user_id, "test", jst(at)}, person, platform::IdentifyMethod::Card, {}, office);
}

platform::Outcome PlatformWorld::request(const master::PersonId& person, const std::string& institution,
                                         const char* applied_on, const char* requested_on) {
  return platform_->record_request(operator_at("2026-04-01T09:00:00"), nullptr, person,
                                   {institution, *Date::parse(applied_on), *Date::parse(requested_on ? requested_on : applied_on)});
}

platform::Outcome PlatformWorld::consent(const master::PersonId& person, const char* on, const char* form, bool revoke,
                                         const std::string& by, const std::string& office) {
  const auth::User* u = by.empty() ? nullptr : &user(by);
  const auto day = *Date::parse(on);
  const LocalDateTime at{day, 12, 0, 0};
  auto caller = u ? auth::Caller{u->id, "test", at} : auth::Caller{"cli:operator", "cli", at};
  return platform_->register_consent(caller, u, person, {day, form, revoke}, office);
}

int PlatformWorld::audit_count(std::string_view action, const master::PersonId& person) {
  int n = 0;
  auth::AuditFilter f;
  f.action = std::string(action);
  f.insurer_no = person.insurer_no;
  f.insured_no = person.insured_no;
  auth_->scan(f, [&](const auth::AuditRow&) {
    ++n;
    return true;
  });
  return n;
}

std::string linkage_file(const std::vector<std::string>& rows) {
  std::string out = "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n";
  for (const auto& r : rows) out += r + "\n";
  return out;
}

std::vector<std::string> full_person(const master::PersonId& p, const std::string& applied_on, const std::string& consent,
                                     const std::string& form) {
  const auto k = fmt::format("{},{}", p.insurer_no, p.insured_no);
  return {
      fmt::format("1,{},person,P,20250401,ヤマダ タロウ,山田 太郎,19400101,1,123456789018,1,0", k),
      fmt::format("1,{},certificate,C1,20250415,22,20250501,20270430,1370000001", k),
      fmt::format("1,{},burden,B1,20250801,1,20260731,2025", k),
      fmt::format("1,{},application,A1,{},2,{},{},", k, applied_on, form, consent),
      fmt::format("1,{},progress,G1,{},{},1", k, applied_on, applied_on),
      fmt::format("1,{},survey,S1,{},{},調査 一郎,1,歩行に見守りが必要", k, applied_on, applied_on),
      fmt::format("1,{},opinion,O1,{},{},{},1310000001,医師 花子,脳梗塞後遺症,", k, applied_on, applied_on, applied_on),
      fmt::format("1,{},life,L1,20250901,1370000002,65,", k),
      fmt::format("1,{},careplan,K1,20250501,1,1,1370000001,,自宅での生活を続ける", k),
      fmt::format("1,{},housing,H1,20240910,1,40000,101000,0", k),
      fmt::format("1,{},equipment,E1,20250610,1,4,25000", k),
  };
}

}  // namespace kaigo::testing
