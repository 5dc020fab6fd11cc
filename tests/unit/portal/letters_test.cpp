// The KJ IDs of offices that claim on media, issued in bulk and printed as a letter (seed 000 §2(2)):
// only offices without an account get one, みなし指定の医療機関 only when named, each account logs in
// with the printed password and knows the printed 証明書発行用パスワード, the letter is recorded
// (without its secrets) and printed with the ID and both passwords.
#include <gtest/gtest.h>

#include "kaigo/portal/letters.hpp"
#include "kaigo/report/render.hpp"
#include "support/portal_support.hpp"

namespace kaigo::testing {
namespace {

TEST(PortalLetters, OfficesWithoutAnAccountGetTheirKjIdInALetter) {
  PortalWorld w;
  auto accounts = w.auth.accounts();
  auto by = w.caller(PortalWorld::kOperator, "2026-02-16T10:00:00");
  auto batch = portal::issue_letters(accounts, *w.store, w.offices, {}, w.user(PortalWorld::kOperator), by);
  ASSERT_TRUE(batch.refusals.empty());
  EXPECT_EQ(batch.batch, "20260216T100000");
  ASSERT_EQ(batch.letters.size(), 1u);  // 1370000005 only: the others have accounts, 1370000009 closed
  const auto& l = batch.letters[0];
  EXPECT_EQ(l.office_no, "1370000005");
  EXPECT_EQ(l.user_id, "KJ1370000005");
  EXPECT_EQ(l.name, "あさひデイサービス");
  EXPECT_EQ(l.password.size(), 16u);
  EXPECT_EQ(l.certificate_password.size(), 12u);
  ASSERT_EQ(batch.skipped.size(), 1u);
  EXPECT_EQ(batch.skipped[0].office_no, "1331234568");  // みなし指定 (歯科): only when it asks
  EXPECT_EQ(batch.skipped[0].reason.code, "KH53");

  // The account works with what the letter says, and nothing else knows the secrets.
  auto login = accounts.login(l.user_id, l.password, jst("2026-02-20T09:00:00"), "127.0.0.1");
  EXPECT_EQ(login.status, auth::LoginStatus::Ok);
  EXPECT_EQ(login.session->user.offices, std::vector<std::string>{"1370000005"});
  EXPECT_TRUE(accounts.security_code_matches(l.user_id, l.certificate_password));
  auto recorded = w.store->letters_of("1370000005");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].user_id, "KJ1370000005");
  EXPECT_EQ(recorded[0].issued_by, PortalWorld::kOperator);
  EXPECT_EQ(w.auth.audit_count("user_add"), 8);  // 7 accounts of the world and this one
  std::string rows;
  w.auth.store->scan({}, [&](const auth::AuditRow& r) {
    rows += r.detail + r.target + "\n";
    return true;
  });
  EXPECT_EQ(rows.find(l.password), std::string::npos);
  EXPECT_EQ(rows.find(l.certificate_password), std::string::npos);

  // The printed letter.
  auto pdf =
      report::pdf_bytes(portal::letter_contents(batch, "模擬県国民健康保険団体連合会", {2026, 2, 16}), {2026, 2, 16});
  auto text = pdf_text(pdf);
  for (const auto& s :
       {std::string("電子請求登録結果に関するお知らせ"), std::string("KJ1370000005"), l.password,
        l.certificate_password, std::string("証明書発行用パスワード"), std::string("〒100-0006 東京都千代田区6-6"),
        std::string("模擬県国民健康保険団体連合会"), std::string("令和8年2月16日")}) {
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  }

  // A second run finds no one left; the みなし clinic asks and is named.
  auto again = portal::issue_letters(accounts, *w.store, w.offices, {}, w.user(PortalWorld::kOperator), by);
  EXPECT_TRUE(again.letters.empty());
  auto named = portal::issue_letters(accounts, *w.store, w.offices, {{"1331234568", "1370000001"}},
                                     w.user(PortalWorld::kOperator), by);
  ASSERT_EQ(named.letters.size(), 1u);
  EXPECT_EQ(named.letters[0].user_id, "KJ1331234568");
  ASSERT_EQ(named.skipped.size(), 1u);
  EXPECT_EQ(named.skipped[0].reason.code, "KH51");
}

TEST(PortalLetters, OnlyTheStaffIssueAndEveryNamedOfficeMustBeKnown) {
  PortalWorld w;
  auto accounts = w.auth.accounts();
  auto by = w.caller("KJ1370000001", "2026-02-16T10:00:00");
  auto refused = portal::issue_letters(accounts, *w.store, w.offices, {}, w.user("KJ1370000001"), by);
  EXPECT_EQ(refused.refusals.at(0).code, "KH44");
  auto unknown =
      portal::issue_letters(accounts, *w.store, w.offices, {{"1370000005", "1370000009"}},
                            w.user(PortalWorld::kOperator), w.caller(PortalWorld::kOperator, "2026-02-16T10:00:00"));
  ASSERT_EQ(unknown.refusals.size(), 1u);  // 1370000009 closed on 2025-09-30
  EXPECT_EQ(unknown.refusals[0].code, "KH50");
  EXPECT_TRUE(unknown.letters.empty());
  EXPECT_TRUE(w.store->letters_of("1370000005").empty());
  EXPECT_EQ(portal::deemed_medical("1311234567"), "みなし指定の医療機関（医科）");
  EXPECT_EQ(portal::deemed_medical("1341234567"), "みなし指定の薬局");
  EXPECT_EQ(portal::deemed_medical("1370000001"), std::nullopt);
}

}  // namespace
}  // namespace kaigo::testing
