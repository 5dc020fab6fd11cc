// The certificate fee through the whole month (seed 000 §3(1)): two offices get certificates at
// the start of May 2026, one applied for on 2026-03-31 (13,200 円) and one on 2026-04-01 (7,800 円);
// the fees are recorded with the issue, the May review month's settlement charges them beside
// fees.csv, and each office's 7513 shows its fee in item 17 (電子証明書発行手数料) without anyone
// typing a row into fees.csv.
#include <gtest/gtest.h>

#include "kaigo/auth/certificates.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/review/review.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/settlement_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/tables.hpp"
#include "support/reception_world.hpp"
#include "support/settle_support.hpp"

namespace kaigo::testing {
namespace {

TEST(CertificateFees, TheFeeOfTheApplicationDateIsOnThe7513) {
  ReceptionWorld w(0.0, 8, 160);
  auto settings = w.db().settings();
  store::AuthStore auth_store(w.db());
  const auth::Caller op{"cli:operator", "cli", jst("2026-04-20T09:00:00")};
  ASSERT_TRUE(auth::init_ca(auth_store, settings, w.dir() / "ca", op).refusals.empty());

  // Two offices with claims paid this month.
  const auto offices = w.submit_month("2026-05-04T12:00:00");
  ASSERT_GE(offices.size(), 2u);
  auto issue = [&](const std::string& office, Date applied_on, const char* at) {
    auth::IssueRequest req;
    req.office_no = office;
    req.applied_on = applied_on;
    req.out_dir = w.dir() / "certs";
    auto r = auth::issue_certificate(auth_store, settings, req, {"cli:operator", "cli", jst(at)});
    EXPECT_TRUE(r.refusals.empty()) << r.refusals[0].to_string();
    EXPECT_EQ(r.fee.month, (YearMonth{2026, 5}));
    return r;
  };
  issue(offices[0], {2026, 3, 31}, "2026-05-01T09:00:00");
  issue(offices[1], {2026, 4, 1}, "2026-05-08T17:00:00");

  auto ledgers = store::load_tables_in_force(w.db());
  review::ReviewContext ctx{ledgers.masters, ledgers.offices, ledgers.insurers, ledgers.recipients,
                      review::config_of(settings.review)};
  w.review({2026, 5}, "2026-05-11T01:00:00", ctx);

  auto source = store::load_settlement_input(w.db(), {2026, 5});
  ASSERT_EQ(source->input.charges.size(), 2u);
  auto settled = settlement::settle_month(source->input, ctx, settings.settlement);
  EXPECT_TRUE(settlement::check_balance(source->input, settled).empty());
  EXPECT_EQ(official(settled, offices[0], "7513").records.front().item(17), "13200");
  EXPECT_EQ(official(settled, offices[1], "7513").records.front().item(17), "7800");
  for (std::size_t i = 2; i < offices.size(); ++i) {
    EXPECT_EQ(official(settled, offices[i], "7513").records.front().item(17), "0") << offices[i];
  }
  const auto& pay = office_of(settled, offices[0]).payment;
  EXPECT_EQ(pay.certificate_fee, Yen{13200});
  EXPECT_EQ(pay.total, pay.care.net() + pay.sougou.net() - Yen{13200});

  // The June settlement does not charge them again.
  EXPECT_TRUE(store::due_fees(w.db(), {2026, 6}).empty());
}

}  // namespace
}  // namespace kaigo::testing
