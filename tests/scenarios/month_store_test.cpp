// A generated month through the whole front half of the system as the CLI runs it — received
// file by file into a database, pre-checked, marked 送信完了, reviewed from the stored bytes, the
// decisions stored — must decide every mistake `kaigo gen --errors` listed, with its code and
// outcome, and nothing else; a clean month is paid exactly as claimed. Re-running the review of
// the month gives the same decisions.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "kaigo/core/strings.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/store/errors.hpp"
#include "kaigo/store/review_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {
namespace {

using Decided = std::tuple<std::string, std::string, std::string, std::string>;  // office, form, insured, outcome

struct ReviewedMonth {
  ReceptionWorld world;
  store::TablesInForce ledgers;
  review::RunReport report;

  explicit ReviewedMonth(double errors) : world(errors, 20, 800) {
    for (const auto& f : world.files()) world.submit(f, "2026-05-04T12:00:00");
    ledgers = store::load_tables_in_force(world.db());
    run();
  }
  void run() {
    review::ReviewContext ctx{ledgers.masters, ledgers.offices, ledgers.insurers, ledgers.recipients,
                              review::config_of(world.db().settings().review)};
    report = world.review({2026, 5}, "2026-05-11T01:00:00", ctx);
  }

  // (office, form, insured, outcome) and the codes of every 明細書 / 給付管理票 not paid or
  // registered as is, in that order.
  std::multiset<std::pair<Decided, std::string>> exceptions() {
    std::multiset<std::pair<Decided, std::string>> out;
    auto& c = world.db().connection();
    auto codes = [&](const std::string& id) {
      auto st = c.prepare("SELECT code, cut FROM decision_findings WHERE month = '202605' AND doc_id = ? ORDER BY seq");
      st.bind(1, id);
      std::string s;
      while (st.step()) {
        auto code = st.text(0).empty() ? "増減" + st.text(1) : st.text(0);
        if (s.find(code) == std::string::npos) s += (s.empty() ? "" : "+") + code;
      }
      return s;
    };
    auto claims = c.prepare(
        "SELECT claim_id, outcome, office_no, form_id, insured_no FROM claim_decisions WHERE month = '202605' AND "
        "outcome <> 'paid'");
    while (claims.step()) {
      out.emplace(Decided(claims.text(2), claims.text(3), claims.text(4), claims.text(1)), codes(claims.text(0)));
    }
    auto plans = c.prepare(
        "SELECT plan_id, outcome, support_office_no, insured_no FROM plan_decisions WHERE month = '202605' AND "
        "outcome <> 'registered'");
    while (plans.step()) {
      out.emplace(Decided(plans.text(2), "8222", plans.text(3), plans.text(1)), codes(plans.text(0)));
    }
    return out;
  }
};

std::string expected_outcome(std::string_view outcome) {
  if (outcome == "返戻" || outcome == "様式エラー") return "returned";
  if (outcome == "保留") return "held";
  return "cut";
}

TEST(MonthStore, CleanMonthIsPaidAsClaimedFromTheStore) {
  ReviewedMonth m(0.0);
  EXPECT_TRUE(m.exceptions().empty());
  EXPECT_GT(m.report.claims["決定"], 500u);
  EXPECT_EQ(m.report.claims.size(), 1u);
  auto st = m.world.db().connection().prepare(
      "SELECT COUNT(*) FROM claim_decisions WHERE month = '202605' AND (written_units <> decided_units OR "
      "written_claim <> decided_claim OR written_burden <> decided_burden)");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.integer(0), 0);
}

TEST(MonthStore, EveryInjectedMistakeAndNothingElse) {
  ReviewedMonth m(0.2);
  auto found = m.exceptions();
  std::multiset<Decided> expected_keys;
  const auto manifest = read_file(m.world.dir() / "month" / "expected_errors.csv");
  for (auto line : lines(manifest)) {
    auto f = split(line, ',');
    if (f[0] == "mistake") continue;
    const Decided key(f[1], f[2], f[5], expected_outcome(f[8]));
    expected_keys.insert(key);
    // The listed code (or 増減B) is among the decision's codes.
    std::string code = f[7].empty() ? (f[8] == "保留" ? "" : std::string(f[8])) : std::string(f[7]);
    auto it = found.lower_bound({key, ""});
    ASSERT_TRUE(it != found.end() && it->first == key) << "not found: " << line;
    EXPECT_NE(it->second.find(code), std::string::npos) << line << " decided " << it->second;
  }
  std::multiset<Decided> found_keys;
  for (const auto& s : found) found_keys.insert(s.first);
  EXPECT_EQ(found_keys, expected_keys);
  EXPECT_GT(m.report.returned_at_reception, 0u);
}

TEST(MonthStore, ReRunningTheMonthGivesTheSameDecisions) {
  ReviewedMonth m(0.2);
  auto dump = [&] {
    std::string out;
    for (const char* sql :
         {"SELECT * FROM claim_decisions ORDER BY claim_id",
          "SELECT claim_id, hex(packed_rows) FROM claim_decisions ORDER BY claim_id",
          "SELECT * FROM decision_findings ORDER BY doc_id, seq", "SELECT * FROM plan_decisions ORDER BY plan_id"}) {
      auto st = m.world.db().connection().prepare(sql);
      while (st.step()) {
        for (int i = 0; i < 26; ++i) out += st.text(i) + "|";
        out += "\n";
      }
    }
    return out;
  };
  auto first = dump();
  m.run();
  EXPECT_EQ(dump(), first);
  EXPECT_GT(first.size(), 10000u);
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

std::string for_june(std::string bytes) {
  auto eol = bytes.find("\r\n");
  auto at = bytes.rfind(",202605,", eol);
  if (at == std::string::npos) throw std::logic_error("no processing month in the control record");
  bytes.replace(at, 8, ",202606,");
  return bytes;
}

std::map<std::string, std::int64_t> outcomes(store::Database& db, const char* month) {
  std::map<std::string, std::int64_t> out;
  auto st = db.connection().prepare("SELECT outcome, COUNT(*) FROM claim_decisions WHERE month = ? GROUP BY 1");
  st.bind(1, month);
  while (st.step()) out[st.text(0)] = st.integer(1);
  return out;
}

// A May 2026 month of 12 offices submitted on 2026-05-04 without its first 給付管理票 file (which
// comes late, or never), with the review context of the ledgers in force.
struct LatePlanMonth {
  ReceptionWorld w{0.0, 12, 400};
  std::filesystem::path late_plan = w.plan_file();
  store::TablesInForce ledgers;
  review::ReviewContext ctx;

  LatePlanMonth() : ledgers(submitted_without_late_plan()), ctx{ledgers.masters, ledgers.offices, ledgers.insurers,
                                                                 ledgers.recipients,
                                                                 review::config_of(w.db().settings().review)} {}

 private:
  store::TablesInForce submitted_without_late_plan() {
    for (const auto& f : w.files()) {
      if (f != late_plan) w.submit(f, "2026-05-04T12:00:00");
    }
    return store::load_tables_in_force(w.db());
  }
};

// Across two review months from the store's history: a 給付管理票 arriving a month late releases
// the claims held for it (保留復活); claims still without one are returned under the 1-month rule
// of the April 2026 review (seed 000 §4); a claim decided in May and sent again in June is ANN4.
TEST(MonthStore, HeldInMayReleasedOrReturnedInJune) {
  LatePlanMonth m;
  auto& w = m.w;
  const auto& late_plan = m.late_plan;
  auto& ctx = m.ctx;
  auto review = [&](YearMonth month, const char* at) { return w.review(month, at, ctx); };
  auto may = review({2026, 5}, "2026-05-11T01:00:00");
  auto held_in_may = may.claims["保留"];
  ASSERT_GT(held_in_may, 0u);

  // June: the late 給付管理票, and a May claim file sent again.
  auto plan = w.submit_bytes(late_plan.filename().string(), for_june(read_file(late_plan)), "2026-06-02T09:00:00");
  ASSERT_EQ(plan.state, reception::FileState::Accepted) << (plan.errors.empty() ? "" : plan.errors[0].code);
  std::filesystem::path provider_file;  // a 訪問介護 … provider's file (not the late plan's care office)
  for (const auto& f : w.files()) {
    if (f.filename().string().starts_with("KK") && f.parent_path() != late_plan.parent_path()) provider_file = f;
  }
  auto again = w.submit_bytes("KK260601.CSV", for_june(read_file(provider_file)), "2026-06-02T09:00:00");
  ASSERT_EQ(again.state, reception::FileState::Accepted);
  auto june = review({2026, 6}, "2026-06-11T01:00:00");

  EXPECT_EQ(june.released, held_in_may);  // every held claim had its plan in the late file
  EXPECT_EQ(june.plans["登録"], plan.statements);
  auto st = w.db().connection().prepare(
      "SELECT COUNT(*) FROM claim_decisions j JOIN claim_decisions m ON m.claim_id = j.claim_id "
      "WHERE j.month = '202606' AND m.month = '202605' AND m.outcome = 'held' AND j.outcome = 'paid' "
      "AND j.released = 1 AND j.held_since = '202605' AND j.decided_claim = j.written_claim");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(static_cast<std::uint64_t>(st.integer(0)), held_in_may);
  auto ann4 = w.db().connection().prepare(
      "SELECT COUNT(DISTINCT doc_id) FROM decision_findings WHERE month = '202606' AND code = 'ANN4'");
  ASSERT_TRUE(ann4.step());
  EXPECT_GT(ann4.integer(0), 0);
  EXPECT_EQ(outcomes(w.db(), "202606")["held"], 0);
}

// The history read ahead (on its own thread and connection, while the review loads its 受給者台帳)
// is the history read when asked: June's, with May's held and decided 明細書 and plans in force.
// A history asked for another month is read for that month, not taken from the one read ahead.
TEST(MonthStore, TheHistoryReadAheadIsTheHistoryOfItsMonth) {
  LatePlanMonth m;
  auto& w = m.w;
  w.review({2026, 5}, "2026-05-11T01:00:00", m.ctx);
  auto plan = w.submit_bytes(m.late_plan.filename().string(), for_june(read_file(m.late_plan)), "2026-06-02T09:00:00");
  ASSERT_EQ(plan.state, reception::FileState::Accepted);
  ASSERT_TRUE(w.reception().start_review({2026, 6}, jst("2026-06-11T01:00:00"), false).done);
  const auto ids = [](const review::History& h) {
    std::vector<std::string> out;
    for (const auto& p : h.plans) out.push_back("plan " + p.id);
    for (const auto& d : h.decided) out.push_back("decided " + d.id);
    for (const auto& c : h.held) out.push_back("held " + c.claim.id);
    return out;
  };
  const auto read = ids(store::ReviewStore(w.db(), jst("2026-06-11T01:00:00")).history({2026, 6}));
  ASSERT_FALSE(read.empty());
  EXPECT_TRUE(std::any_of(read.begin(), read.end(), [](const std::string& s) { return s.starts_with("held "); }));
  store::ReviewStore ahead(w.db(), jst("2026-06-11T01:00:00"));
  ahead.read_history_ahead({2026, 6});
  EXPECT_EQ(ids(ahead.history({2026, 6})), read);
  store::ReviewStore other(w.db(), jst("2026-06-11T01:00:00"));
  other.read_history_ahead({2026, 6});
  const auto may = ids(other.history({2026, 5}));  // nothing held before May
  EXPECT_EQ(may, ids(store::ReviewStore(w.db(), jst("2026-06-11T01:00:00")).history({2026, 5})));
  EXPECT_NE(may, read);
}

// A stored 明細書 file found damaged while the review reads ahead (on its own thread) stops the review
// with the store's error naming the file's 受付番号, as when the review read it itself.
TEST(MonthStore, ADamagedStoredFileStopsTheReviewNamingIt) {
  ReceptionWorld w(0.0, 8, 120);
  for (const auto& f : w.files()) w.submit(f, "2026-05-04T12:00:00");
  auto last_claims = w.db().connection().prepare(
      "SELECT MAX(id) FROM submissions WHERE data_type <> '821' AND state = 'accepted'");
  ASSERT_TRUE(last_claims.step());
  const auto damaged = last_claims.integer(0);
  ASSERT_GT(damaged, 1);
  w.db().connection().exec(fmt::format(
      "UPDATE submission_bytes SET bytes = substr(bytes, 1, length(bytes) - 5) WHERE submission_id = {}", damaged));
  const auto ledgers = store::load_tables_in_force(w.db());
  review::ReviewContext ctx{ledgers.masters, ledgers.offices, ledgers.insurers, ledgers.recipients,
                            review::config_of(w.db().settings().review)};
  try {
    w.review({2026, 5}, "2026-05-11T01:00:00", ctx);
    FAIL() << "the review went on past a damaged file";
  } catch (const store::StoreError& e) {
    const std::string prefix = fmt::format("受付番号 {} の保存されたファイルを読めません（", damaged);
    EXPECT_TRUE(std::string(e.what()).starts_with(prefix)) << e.what();
    EXPECT_NE(std::string(e.what()).find(fmt::format("the stored bytes of submission {} cannot be read", damaged)),
              std::string::npos)
        << e.what();
  }
}

// Each 明細書 comes with the one after it in its file (for the review to start its lookups early), and
// the last of each file with none; how many there are is known before they are read.
TEST(MonthStore, EachClaimComesWithTheOneAfterItInItsFileAndTheirCountIsKnownAhead) {
  ReceptionWorld w(0.0, 8, 120);
  for (const auto& f : w.files()) w.submit(f, "2026-05-04T12:00:00");
  ASSERT_TRUE(w.reception().start_review({2026, 5}, jst("2026-05-11T01:00:00"), false).done);
  std::vector<std::string> ids;
  std::vector<std::string> nexts;  // "" for none
  store::ReviewStore source(w.db(), jst("2026-05-11T01:00:00"));
  source.for_each_claim(
      {2026, 5}, [&](review::SubmittedClaim&& c, std::vector<review::Finding>&&, const review::SubmittedClaim* next) {
        ids.push_back(c.id);
        nexts.push_back(next != nullptr ? next->id : "");
      });
  // The reception's 明細件数 of the month's files of 明細書 (the review sizes its table with it).
  EXPECT_EQ(source.claims_expected({2026, 5}), ids.size());
  EXPECT_EQ(source.claims_expected({2026, 6}), 0U);
  const auto file_of = [](const std::string& id) { return id.substr(0, id.find(':')); };
  ASSERT_GT(ids.size(), 100U);
  std::set<std::string> files;
  std::size_t lasts = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    files.insert(file_of(ids[i]));
    if (nexts[i].empty()) {
      ++lasts;
      if (i + 1 < ids.size()) {
        EXPECT_NE(file_of(ids[i + 1]), file_of(ids[i])) << ids[i];
      }
      continue;
    }
    ASSERT_LT(i + 1, ids.size());
    EXPECT_EQ(nexts[i], ids[i + 1]);
  }
  EXPECT_GT(files.size(), 1U);
  EXPECT_EQ(lasts, files.size());
}

TEST(MonthStore, HeldWithoutAPlanIsReturnedNextMonth) {
  LatePlanMonth m;
  auto& w = m.w;
  auto& ctx = m.ctx;
  for (auto [month, at] :
       {std::pair{YearMonth{2026, 5}, "2026-05-11T01:00:00"}, {YearMonth{2026, 6}, "2026-06-11T01:00:00"}}) {
    w.review(month, at, ctx);
  }
  auto held = outcomes(w.db(), "202605")["held"];
  ASSERT_GT(held, 0);
  EXPECT_EQ(outcomes(w.db(), "202606")["returned"], held);
  auto st = w.db().connection().prepare("SELECT DISTINCT kind, item FROM decision_findings WHERE month = '202606'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "hold_ended");
  EXPECT_FALSE(st.step());
}

}  // namespace
}  // namespace kaigo::testing

#include "kaigo/report/results_dir.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/settlement_store.hpp"

namespace kaigo::testing {
namespace {

// Settlement of a reviewed month from the store (issue 6): every yen balances per office and in
// total, the payments equal what the review decided (no 過誤 and no fees in a generated month),
// and the official files come out byte-identical when written again.
TEST(MonthStore, SettledFromTheStoreTheMoneyBalances) {
  ReviewedMonth m(0.2);
  auto source = store::load_settlement_input(m.world.db(), {2026, 5});
  review::ReviewContext ctx{m.ledgers.masters, m.ledgers.offices, m.ledgers.insurers, m.ledgers.recipients,
                      review::config_of(m.world.db().settings().review)};
  auto settings = m.world.db().settings();
  auto settled = settlement::settle_month(source->input, ctx, settings.settlement);
  EXPECT_TRUE(settlement::check_balance(source->input, settled).empty());

  std::int64_t transfers = 0;
  for (const auto& o : settled.offices) transfers += o.payment.transfer.value;
  auto st = m.world.db().connection().prepare(
      "SELECT SUM(decided_claim + decided_fund1 + decided_fund2 + decided_fund3) FROM claim_decisions "
      "WHERE month = '202605' AND outcome IN ('paid', 'cut')");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(transfers, st.integer(0));
  EXPECT_GT(transfers, 1'000'000);

  // Every decision of the month reaches settlement, with its 明細書.
  auto count = m.world.db().connection().prepare("SELECT COUNT(*) FROM claim_decisions WHERE month = '202605'");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(static_cast<std::int64_t>(source->input.claims.size()), count.integer(0));
  for (const auto& c : source->input.claims) ASSERT_FALSE(c.statement.key.insured_no.empty()) << c.decision.claim_id;
  EXPECT_FALSE(source->input.invoices.empty());

  auto issue = report::issue_info(settings, {2026, 5, 31}, {2026, 6, 26});
  TempDir a, b;
  auto files = report::write_results(a.path(), settled, issue);
  auto again =
      settlement::settle_month(store::load_settlement_input(m.world.db(), {2026, 5})->input, ctx, settings.settlement);
  report::write_results(b.path(), again, issue);
  ASSERT_GT(files.size(), 20u);
  for (const auto& f : files) {
    auto rel = std::filesystem::relative(f, a.path());
    EXPECT_EQ(read_file(f), read_file(b / rel.string())) << rel;
  }
}

// A month settled office range by office range, as `kaigo results` does to keep one part in memory,
// gives exactly the files and summary of the month settled at once.
TEST(MonthStore, SettledInPartsIsTheMonthSettledAtOnce) {
  ReviewedMonth m(0.2);
  review::ReviewContext ctx{m.ledgers.masters, m.ledgers.offices, m.ledgers.insurers, m.ledgers.recipients,
                      review::config_of(m.world.db().settings().review)};
  auto settings = m.world.db().settings();
  auto whole =
      settlement::settle_month(store::load_settlement_input(m.world.db(), {2026, 5})->input, ctx, settings.settlement);

  auto parts = store::settlement_parts(m.world.db(), {2026, 5}, 300);
  ASSERT_GT(parts.size(), 3u);
  EXPECT_EQ(parts.front().first, "");
  for (std::size_t i = 1; i < parts.size(); ++i) EXPECT_EQ(parts[i].first, parts[i - 1].end);  // no gap, no overlap
  settlement::MonthSettlement merged;
  merged.month = {2026, 5};
  std::int64_t claims = 0;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {  // any order of the parts
    auto source = store::load_settlement_input(m.world.db(), {2026, 5}, *it);
    claims += static_cast<std::int64_t>(source->input.claims.size());
    auto part = settlement::settle_month(source->input, ctx, settings.settlement);
    EXPECT_TRUE(settlement::check_balance(source->input, part).empty());
    settlement::merge(merged, std::move(part));
  }
  EXPECT_EQ(claims, static_cast<std::int64_t>(store::load_settlement_input(m.world.db(), {2026, 5})->input.claims.size()));
  ASSERT_EQ(merged.offices.size(), whole.offices.size());
  EXPECT_EQ(merged.totals.transfer, whole.totals.transfer);

  auto issue = report::issue_info(settings, {2026, 5, 31}, {2026, 6, 26});
  TempDir a, b;
  auto files = report::write_results(a.path(), whole, issue);
  auto again = report::write_results(b.path(), merged, issue);
  ASSERT_EQ(files.size(), again.size());
  for (const auto& f : files) {
    auto rel = std::filesystem::relative(f, a.path());
    EXPECT_EQ(read_file(f), read_file(b / rel.string())) << rel;
  }
}

}  // namespace
}  // namespace kaigo::testing

#include "kaigo/store/kago_store.hpp"

namespace kaigo::testing {
namespace {

// 過誤 through the store (seed 002 §7): a 明細書 paid in May is withdrawn in June. As 通常過誤
// (1002) its re-claim in June is ANN7 and June pays the office its June decisions minus the
// withdrawn amount; as 同月過誤 (1012) the re-claim is paid in the same run and nets against it.
class KagoThroughTheStore : public ::testing::TestWithParam<const char*> {};

TEST_P(KagoThroughTheStore, WithdrawnAndNetted) {
  const std::string code = GetParam();
  const bool same_month = code == "1012";
  ReceptionWorld w(0.0, 12, 400);
  for (const auto& f : w.files()) w.submit(f, "2026-05-04T12:00:00");
  auto ledgers = store::load_tables_in_force(w.db());
  review::ReviewContext ctx{ledgers.masters, ledgers.offices, ledgers.insurers, ledgers.recipients,
                      review::config_of(w.db().settings().review)};
  auto review = [&](YearMonth month, const char* at) {
    w.review(month, at, ctx);
  };
  review({2026, 5}, "2026-05-11T01:00:00");

  // One 訪問介護 明細書 paid in May, and the file that holds it.
  auto st = w.db().connection().prepare(
      "SELECT d.office_no, d.insurer_no, d.insured_no, d.decided_claim + d.decided_fund1 + d.decided_fund2 + "
      "d.decided_fund3, d.submission_id FROM claim_decisions d WHERE d.month = '202605' AND d.outcome = 'paid' AND "
      "d.form_id = '7131' ORDER BY d.order_no LIMIT 1");
  ASSERT_TRUE(st.step());
  const std::string office = st.text(0), insurer = st.text(1), insured = st.text(2);
  const std::int64_t withdrawn = st.integer(3);
  const auto file = w.db().bytes(st.integer(4));
  st.reset();  // a statement left on a row keeps its read snapshot, and the review's last commit needs a fresh one
  auto kago = settlement::load_kago("insurer_no,office_no,insured_no,service_month,form_no,kago_code,filed_on\n" +
                                        insurer + "," + office + "," + insured + ",202604,7131," + code + ",20260601\n",
                                    "kago.csv");
  ASSERT_TRUE(kago.ok()) << kago.diagnostics[0].to_string();
  store::store_kago(w.db(), {2026, 6}, "kago.csv", *kago.table, jst("2026-06-01T09:00:00"));

  // June: the office sends its May file again (everything else in it is ANN4).
  auto again = w.submit_bytes("KK260601.CSV", for_june(file), "2026-06-02T09:00:00");
  ASSERT_EQ(again.state, reception::FileState::Accepted);
  review({2026, 6}, "2026-06-11T01:00:00");
  auto codes = w.db().connection().prepare(
      "SELECT d.outcome, COALESCE(GROUP_CONCAT(f.code), '') FROM claim_decisions d LEFT JOIN decision_findings f ON "
      "f.month = d.month AND f.doc_id = d.claim_id WHERE d.month = '202606' AND d.insured_no = ? AND d.office_no = ? "
      "GROUP BY d.id");
  codes.bind(1, insured).bind(2, office);
  ASSERT_TRUE(codes.step());
  EXPECT_EQ(codes.text(0), same_month ? "paid" : "returned");
  EXPECT_EQ(codes.text(1), same_month ? "" : "ANN7");

  auto source = store::load_settlement_input(w.db(), {2026, 6});
  ASSERT_EQ(source->input.withdrawals.size(), 1u);
  EXPECT_TRUE(source->unmatched_kago.empty());
  auto settled = settlement::settle_month(source->input, ctx, w.db().settings().settlement);
  EXPECT_TRUE(settlement::check_balance(source->input, settled).empty());
  auto it = std::find_if(settled.offices.begin(), settled.offices.end(),
                         [&](const settlement::OfficeResult& o) { return o.office.office_no == office; });
  ASSERT_NE(it, settled.offices.end());
  const std::int64_t repaid = same_month ? withdrawn : 0;  // June pays only the 同月 re-claim
  EXPECT_EQ(it->payment.net.value, repaid - withdrawn);
  EXPECT_EQ(it->payment.transfer.value, 0);
  EXPECT_EQ(it->payment.carried_out.value, withdrawn - repaid);
}

INSTANTIATE_TEST_SUITE_P(Kinds, KagoThroughTheStore, ::testing::Values("1002", "1012"));

}  // namespace
}  // namespace kaigo::testing

#include "kaigo/store/tables.hpp"

namespace kaigo::testing {
namespace {

// Fees (seed 000 §3(1), seed 001 §7): fees.csv says who pays what in which month; the amount
// follows the dated schedule of the settings by application date; the payment is reduced by it.
TEST(MonthStore, FeesAreDeductedFromTheMonthTheyAreDue) {
  ReviewedMonth m(0.0);
  auto first = m.world.db().connection().prepare(
      "SELECT office_no FROM claim_decisions WHERE month = '202605' AND outcome = 'paid' ORDER BY order_no LIMIT 1");
  ASSERT_TRUE(first.step());
  const std::string office = first.text(0);
  auto r = store::load_table(m.world.db(), store::TableKind::Fees, "fees.csv",
                             "month,office_no,kind,applied_on\n"
                             "202605," +
                                 office +
                                 ",certificate,20260415\n"
                                 "202605," +
                                 office +
                                 ",careplan_license,20260401\n"
                                 "202606," +
                                 office + ",certificate,20260320\n",
                             jst("2026-05-20T10:00"));
  ASSERT_TRUE(r.stored) << r.diagnostics[0].to_string();
  auto source = store::load_settlement_input(m.world.db(), {2026, 5});
  ASSERT_EQ(source->input.charges.size(), 2u);
  auto settings = m.world.db().settings();
  auto settled = settlement::settle_month(source->input,
                                          {m.ledgers.masters, m.ledgers.offices, m.ledgers.insurers,
                                           m.ledgers.recipients, review::config_of(settings.review)},
                                          settings.settlement);
  EXPECT_TRUE(settlement::check_balance(source->input, settled).empty());
  auto it = std::find_if(settled.offices.begin(), settled.offices.end(),
                         [&](const settlement::OfficeResult& o) { return o.office.office_no == office; });
  ASSERT_NE(it, settled.offices.end());
  EXPECT_EQ(it->payment.certificate_fee.value, 7800);  // applied after 2026-04-01
  EXPECT_EQ(it->payment.license_fee.value, 21000);
  EXPECT_EQ(it->payment.net.value, it->payment.care.net().value + it->payment.sougou.net().value - 7800 - 21000);
  EXPECT_GT(it->payment.care.net().value, 0);

  auto bad = store::load_table(m.world.db(), store::TableKind::Fees, "bad.csv",
                               "month,office_no,kind,applied_on\n202605," + office + ",stamp,20260415\n",
                               jst("2026-05-20T10:00"));
  EXPECT_FALSE(bad.stored);
  EXPECT_EQ(bad.diagnostics[0].code, "KM07");
  EXPECT_EQ(bad.diagnostics[0].line, 2u);
}

}  // namespace
}  // namespace kaigo::testing
