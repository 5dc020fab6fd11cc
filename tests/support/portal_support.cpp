#include "support/portal_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace kaigo::testing {
namespace {

constexpr const char* kPassword = "portal-test-password";

constexpr const char* kOffices =
    "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,address,"
    "owner_name,bank_name,bank_branch\n"
    "1370000001,43,さくら居宅介護支援事業所,1,20200401,,1,131016,1000001,東京都千代田区1-1,さくら会,みどり銀行,本店\n"
    "1370000002,11,ひまわり訪問介護,1,20200401,,1,131016,1000002,東京都千代田区2-2,ひまわり会,みどり銀行,本店\n"
    "1370000002,32,ひまわり訪問介護,1,20200401,,1,131016,1000002,東京都千代田区2-2,ひまわり会,みどり銀行,本店\n"
    "1370000003,17,あおば福祉用具,1,20200401,,1,131016,1000003,東京都千代田区3-3,あおば会,みどり銀行,本店\n"
    "1370000004,11,みどり訪問介護,1,20200401,,1,131016,1000004,東京都千代田区4-4,みどり会,みどり銀行,本店\n"
    "1370000004,15,みどり訪問介護,1,20200401,,1,131016,1000004,東京都千代田区4-4,みどり会,みどり銀行,本店\n"
    "1311234567,13,つばさクリニック,1,20200401,,1,131016,1000005,東京都千代田区5-5,つばさ会,みどり銀行,本店\n"
    "1370000005,15,あさひデイサービス,1,20200401,,1,131016,1000006,東京都千代田区6-6,あさひ会,みどり銀行,本店\n"
    "1331234568,31,こだま歯科医院,1,20200401,,1,131016,1000007,東京都千代田区7-7,こだま会,みどり銀行,本店\n"
    "1370000009,11,閉じた訪問介護,1,20200401,20250930,1,131016,1000009,東京都千代田区9-9,閉会,みどり銀行,本店\n";

}  // namespace

std::string pdf_text(const std::string& pdf_bytes) {
  TempDir tmp;
  write_file(tmp / "in.pdf", pdf_bytes);
  const auto cmd = "pdftotext -raw -enc UTF-8 " + (tmp / "in.pdf").string() + " " + (tmp / "out.txt").string() + " 2>" +
                   (tmp / "err").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(read_file(tmp / "err"), "");
  return read_file(tmp / "out.txt");
}

portal::ReceiptLine receipt(int no, const char* day, std::string purpose, std::int64_t amount) {
  portal::ReceiptLine l;
  l.receipt = no;
  l.issued_on = *Date::parse(day);
  l.purpose = std::move(purpose);
  l.amount = Yen{amount};
  return l;
}

PortalWorld::PortalWorld() : store(std::make_unique<store::PortalStore>(*auth.db)) {
  auto loaded = master::load_offices(kOffices, "offices.csv", nullptr);
  EXPECT_TRUE(loaded.ok());
  if (loaded.ok()) offices = std::move(*loaded.table);
  for (const char* office : {"1370000001", "1370000002", "1370000003", "1370000004", "1311234567"}) {
    auth.add_office_user(std::string("KJ") + office, office, kPassword);
  }
  auto accounts = auth.accounts();
  auth::User op;
  op.id = kOperator;
  op.role = auth::Role::Kokuhoren;
  EXPECT_TRUE(accounts.add(op, kPassword, operator_at("2025-04-01T09:00:00")).empty());
  auth::User clerk;
  clerk.id = kHospital;
  clerk.role = auth::Role::Medical;
  clerk.job = auth::Job::Clerk;
  clerk.medical_code = kHospitalCode;
  auto refused = accounts.add(clerk, kPassword, operator_at("2025-04-01T09:00:00"));
  EXPECT_TRUE(refused.empty()) << (refused.empty() ? "" : refused[0].to_string());
}

auth::User PortalWorld::user(const std::string& id) { return auth.store->account(id)->user; }

portal::ApplyResult PortalWorld::apply_office(const std::string& office, const char* at,
                                              std::vector<portal::ReceiptLine> lines, std::vector<std::string> services,
                                              std::optional<std::string> scheme) {
  portal::ApplyRequest r;
  r.program = portal::Program::Office;
  r.applicant_no = office;
  r.services = std::move(services);
  r.scheme = std::move(scheme);
  r.lines = std::move(lines);
  const auto id = "KJ" + office;
  return portal::apply(*store, offices, r, user(id), caller(id, at));
}

portal::ApplyResult PortalWorld::apply_medical(portal::Facility facility, int beds, const char* at,
                                               std::vector<portal::ReceiptLine> lines) {
  portal::ApplyRequest r;
  r.program = portal::Program::Medical;
  r.applicant_no = kHospitalCode;
  r.applicant_name = "国保総合病院";
  r.facility = facility;
  r.beds = beds;
  r.lines = std::move(lines);
  return portal::apply(*store, offices, r, user(kHospital), caller(kHospital, at));
}

portal::ChangeResult PortalWorld::decide(std::int64_t id, const char* at, std::optional<std::string> return_reason) {
  return portal::decide(*store, id, return_reason, user(kOperator), caller(kOperator, at));
}

portal::ChangeResult PortalWorld::pay(std::int64_t id, const char* at) {
  return portal::pay(*store, id, user(kOperator), caller(kOperator, at));
}

}  // namespace kaigo::testing
