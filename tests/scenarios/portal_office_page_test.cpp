// Each office's own page (マイページ) over a real month: an office gets a certificate applied for on
// 2026-03-31 (13,200 円, deducted in the May 2026 review month), holds a ケアプランデータ連携 licence
// charged through fees.csv in June (21,000 円), belongs to a 代理請求 group, and applies for the
// 令和8年度 subsidy; after the May month is reviewed and settled, its page shows its accounts, the
// certificate with its expiry and fee, the fees by month (May 控除済 with the 7513's 振込金額, June
// 控除予定), its application, and says that the care-plan hub is not connected yet.
#include <gtest/gtest.h>

#include "kaigo/auth/certificates.hpp"
#include "kaigo/portal/office_page.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/review/review.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/portal_store.hpp"
#include "kaigo/store/settlement_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/tables.hpp"
#include "support/auth_support.hpp"
#include "support/portal_support.hpp"
#include "support/reception_world.hpp"
#include "support/settle_support.hpp"

namespace kaigo::testing {
namespace {

TEST(PortalOfficePage, AccountsCertificatesFeesByMonthAndSubsidies) {
  ReceptionWorld w(0.0, 8, 160);
  auto settings = w.db().settings();
  settings.auth = fast_auth_settings();
  store::AuthStore auth_store(w.db());
  store::PortalStore portal_store(w.db());
  const auth::Caller op{"cli:operator", "cli", jst("2026-04-20T09:00:00")};
  ASSERT_TRUE(auth::init_ca(auth_store, settings, w.dir() / "ca", op).refusals.empty());
  const auto offices = w.submit_month("2026-05-04T12:00:00");
  ASSERT_GE(offices.size(), 2u);
  const auto office = offices[0];

  auth::IssueRequest req;
  req.office_no = office;
  req.applied_on = {2026, 3, 31};
  req.out_dir = w.dir() / "certs";
  auto cert = auth::issue_certificate(auth_store, settings, req, {"cli:operator", "cli", jst("2026-05-01T09:00:00")});
  ASSERT_TRUE(cert.refusals.empty());
  auto fees = store::load_table(w.db(), store::TableKind::Fees, "fees.csv",
                                "month,office_no,kind,applied_on\n202606," + office + ",careplan_license,20260520\n",
                                jst("2026-05-20T09:00:00"));
  ASSERT_TRUE(fees.stored);

  auth::Accounts accounts(auth_store, auth_store, settings.auth);
  auth::User own{"KJ" + office, auth::Role::Office, auth::Job::None, {office}, "", "", "", "", "own@example.jp"};
  auth::User group{"KJ9000000001", auth::Role::Office, auth::Job::None, {offices[0], offices[1]}, "", "", "", "", ""};
  std::sort(group.offices.begin(), group.offices.end());
  ASSERT_TRUE(accounts.add(own, "office-password-1", op).empty());
  ASSERT_TRUE(accounts.add(group, "office-password-2", op).empty());

  auto ledgers = store::load_tables_in_force(w.db());
  review::ReviewContext ctx{ledgers.masters, ledgers.offices, ledgers.insurers, ledgers.recipients,
                      review::config_of(settings.review)};
  w.review({2026, 5}, "2026-05-11T01:00:00", ctx);
  auto source = store::load_settlement_input(w.db(), {2026, 5});
  auto settled = settlement::settle_month(source->input, ctx, settings.settlement);
  store::store_settlement(w.db(), settled);
  const auto& pay = office_of(settled, office).payment;
  ASSERT_EQ(pay.certificate_fee, Yen{13200});

  portal::ApplyRequest apply;
  apply.program = portal::Program::Office;
  apply.applicant_no = office;
  apply.lines = {receipt(1, "20260403", "カードリーダー1台", 20000)};
  auto applied = portal::apply(portal_store, ledgers.offices, apply, own, {own.id, "test", jst("2026-04-10T10:00:00")});
  ASSERT_TRUE(applied.refusals.empty()) << applied.refusals[0].to_string();

  portal::PageSources sources{ledgers.offices, &ledgers.masters, accounts, auth_store,
                              portal_store,    portal_store,     settings, nullptr};
  const auto at = jst("2026-05-25T10:00:00");
  auto r = portal::office_page(sources, office, own, at);
  ASSERT_TRUE(r.refusals.empty());
  const auto& p = *r.page;
  EXPECT_EQ(p.office_no, office);
  EXPECT_FALSE(p.name.empty());
  ASSERT_FALSE(p.services.empty());
  EXPECT_FALSE(p.services[0].service_name.empty());
  EXPECT_FALSE(p.services[0].subsidy_class.empty());

  ASSERT_EQ(p.accounts.size(), 2u);
  EXPECT_EQ(p.accounts[0].user.id, own.id);  // its own account first, then the 代理請求 group
  EXPECT_EQ(p.accounts[0].user.email, "own@example.jp");
  EXPECT_EQ(p.accounts[1].user.id, "KJ9000000001");

  ASSERT_EQ(p.certificates.size(), 1u);
  const auto& c = p.certificates[0];
  EXPECT_EQ(c.serial, cert.record.serial);
  EXPECT_TRUE(c.applicant);
  EXPECT_EQ(c.applied_on, (Date{2026, 3, 31}));
  EXPECT_EQ(c.not_after.str(), "2029-04-30T09:00:00");  // 3 years (1,095 days) from the issue
  EXPECT_EQ(c.days_left, 1070);
  EXPECT_EQ(c.state, auth::CertificateState::Valid);
  EXPECT_EQ(c.fee, Yen{13200});
  EXPECT_EQ(c.fee_month, (YearMonth{2026, 5}));

  EXPECT_FALSE(p.licences_connected);  // the care-plan hub's licences: not connected yet
  EXPECT_TRUE(p.licences.empty());

  ASSERT_EQ(p.fees.size(), 2u);
  EXPECT_EQ(p.fees[0].month, (YearMonth{2026, 6}));  // newest first
  EXPECT_EQ(p.fees[0].license_fee, Yen{21000});
  EXPECT_EQ(p.fees[0].certificate_fee, Yen{});
  EXPECT_FALSE(p.fees[0].settled);
  EXPECT_EQ(p.fees[1].month, (YearMonth{2026, 5}));
  EXPECT_EQ(p.fees[1].certificate_fee, Yen{13200});
  EXPECT_TRUE(p.fees[1].settled);
  EXPECT_EQ(p.fees[1].transfer, pay.transfer);
  EXPECT_EQ(p.fees[1].charges.at(0).source, "certificate:" + cert.record.serial);

  ASSERT_EQ(p.subsidies.size(), 1u);
  EXPECT_EQ(p.subsidies[0].state, portal::State::Received);
  EXPECT_EQ(p.subsidies[0].scheme, "R8-office");

  // Another office's account is told nothing; the group account and the 国保連 see it.
  auth::User other{"KJ" + offices[1], auth::Role::Office, auth::Job::None, {offices[1]}, "", "", "", "", ""};
  EXPECT_EQ(portal::office_page(sources, office, other, at).refusals.at(0).code, "KH40");
  EXPECT_TRUE(portal::office_page(sources, office, group, at).page.has_value());
  auth::User kokuhoren{"KJ0000000001", auth::Role::Kokuhoren, auth::Job::None, {}, "", "", "", "", ""};
  EXPECT_TRUE(portal::office_page(sources, office, kokuhoren, at).page.has_value());
  EXPECT_EQ(portal::office_page(sources, "1399999999", kokuhoren, at).refusals.at(0).code, "KH50");
}

}  // namespace
}  // namespace kaigo::testing
