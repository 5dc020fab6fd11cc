// A small portal world for the portal tests: a fresh database with its auth and portal stores, an
// office ledger of a few offices (居宅介護支援; 訪問介護 with a グループホーム; 福祉用具貸与; 訪問介護 with
// 通所介護; a みなし指定 clinic; an office without any class), accounts (each office's own, the
// 国保連's operator, a hospital's clerk) and helpers to apply, decide and pay at given moments.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "kaigo/master/ledgers.hpp"
#include "kaigo/portal/application.hpp"
#include "kaigo/store/portal_store.hpp"
#include "support/auth_support.hpp"

namespace kaigo::testing {

// The text of a PDF as `pdftotext -raw -enc UTF-8` reads it (poppler-utils; scripts/setup.sh
// installs it); a warning on stderr fails the test.
std::string pdf_text(const std::string& pdf_bytes);

// One receipt line: receipt number, day (YYYYMMDD), purpose, tax-inclusive amount.
portal::ReceiptLine receipt(int no, const char* day, std::string purpose, std::int64_t amount);

struct PortalWorld {
  AuthWorld auth;
  std::unique_ptr<store::PortalStore> store;
  master::OfficeLedger offices;

  PortalWorld();
  auth::User user(const std::string& id);
  auth::Caller caller(const std::string& id, const char* at) { return {id, "test", jst(at)}; }

  // An office's application as its own account KJ<office>, at `at`.
  portal::ApplyResult apply_office(const std::string& office, const char* at, std::vector<portal::ReceiptLine> lines,
                                   std::vector<std::string> services = {}, std::optional<std::string> scheme = {});
  portal::ApplyResult apply_medical(portal::Facility facility, int beds, const char* at,
                                    std::vector<portal::ReceiptLine> lines);
  portal::ChangeResult decide(std::int64_t id, const char* at, std::optional<std::string> return_reason = {});
  portal::ChangeResult pay(std::int64_t id, const char* at);

  static constexpr const char* kOperator = "KJ0000000001";
  static constexpr const char* kHospital = "KJH131234567";
  static constexpr const char* kHospitalCode = "1310000099";
};

}  // namespace kaigo::testing
