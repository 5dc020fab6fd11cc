// Plan against claim (issue 15 ★): a generated month whose care-plan files carry planted
// differences — a 実績 with fewer units than the office then claims, an office whose 実績 leaves a
// person out, a 実績 withdrawn by a DLTJSK — is sent through the hub, the claims reach reception,
// and `careplan reconcile` (month::run_reconcile) is asked before the 10th. It must predict exactly
// what `kaigo review` then decides once the 給付管理票 it wrote are submitted: the same 明細書,
// outcomes, codes, 増減 事由 and units; and those files must pass the pre-check.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "kaigo/careplan/records.hpp"
#include "kaigo/careplan/writer.hpp"
#include "kaigo/month/careplan_run.hpp"
#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/hub_world.hpp"

namespace kaigo::careplan {
namespace {

using testing::HubWorld;
using testing::jst;

struct Decided {
  std::string outcome;
  std::vector<std::string> findings;  // kind:code:cut:type
  std::vector<std::string> rows;      // type:cut:decided units
  bool operator==(const Decided&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Decided& d) {
  os << d.outcome;
  for (const auto& f : d.findings) os << " [" << f << "]";
  for (const auto& r : d.rows) os << " {" << r << "}";
  return os;
}

Decided predicted(const ClaimPrediction& c) {
  Decided d;
  d.outcome = review::kClaimOutcomes.code(c.decision.outcome);
  for (const auto& f : c.decision.findings) {
    d.findings.push_back(fmt::format("{}:{}:{}:{}", review::kFindingKinds.code(f.kind), f.code, review::kCutReasons.code(f.cut), f.service_type));
  }
  for (const auto& r : c.decision.rows) {
    d.rows.push_back(fmt::format("{}:{}:{}", r.service_type, review::kCutReasons.code(r.cut), r.decided.units.value));
  }
  return d;
}

// What kaigo review stored for one 明細書.
Decided reviewed(store::Database& db, const std::string& claim_id) {
  auto& c = db.connection();
  Decided d;
  auto st = c.prepare("SELECT id, outcome FROM claim_decisions WHERE month = '202605' AND claim_id = ?");
  st.bind(1, claim_id);
  if (!st.step()) return {"missing", {}, {}};
  const auto id = st.integer(0);
  d.outcome = st.text(1);
  auto f = c.prepare("SELECT kind, code, cut, service_type FROM decision_findings WHERE month = '202605' AND doc_id = ? ORDER BY seq");
  f.bind(1, claim_id);
  while (f.step()) d.findings.push_back(fmt::format("{}:{}:{}:{}", f.text(0), f.text(1), f.text(2), f.text(3)));
  auto r = c.prepare("SELECT packed_rows FROM claim_decisions WHERE id = ?");
  r.bind(1, id);
  if (!r.step()) throw std::logic_error("no decision " + std::to_string(id));
  review::ClaimDecision packed;
  store::unpack_rows(r.blob(0), packed);
  for (const auto& row : packed.rows) {
    d.rows.push_back(
        fmt::format("{}:{}:{}", row.service_type, review::kCutReasons.code(row.cut), row.decided.units.value));
  }
  return d;
}

struct Planted {
  std::string office;
  PersonId person;
  std::string type;
};

TEST(CarePlanReconcile, PredictsExactlyWhatTheReviewDecides) {
  HubWorld w;
  const auto& masters = w.world().masters;
  std::set<std::string> offices;
  for (const auto& kind : {"UPPLAN", "UPJSK"}) {
    for (const auto& f : w.files(kind)) {
      auto n = parse_file_name(f.filename().string()).name.value();
      offices.insert(n.sender.office_no);
      offices.insert(n.receiver.office_no);
    }
  }
  for (const auto& o : offices) w.license(o, "20260401");

  // 予定 go out as they are.
  for (const auto& f : w.files("UPPLAN")) {
    auto up = HubWorld::upload(f);
    auto from = parse_file_name(up.name).name->sender.office_no;
    ASSERT_TRUE(send(w.hub(), HubWorld::office(from), std::span(&up, 1), "", false, jst("2026-04-26T09:00")).refusals.empty());
  }

  // 実績 with planted differences.
  const auto actual_files = w.files("UPJSK");
  ASSERT_GE(actual_files.size(), 3u);
  std::map<std::string, int> uses;  // person → number of 実績 files naming them
  for (const auto& f : actual_files) {
    for (const auto& s : read_usage_sheets(f).values) ++uses[s.person.insured_no];
  }
  Planted fewer, left_out, withdrawn;
  Units fewer_units;
  std::optional<Upload> delete_file;
  for (std::size_t i = 0; i < actual_files.size(); ++i) {
    auto up = HubWorld::upload(actual_files[i]);
    auto name = parse_file_name(up.name).name.value();
    auto sheets = read_usage_sheets(actual_files[i]).values;
    ASSERT_TRUE(!sheets.empty());
    if (i == 0) {
      // (a) The 実績 of the first person lacks its last day: the office claims more than it reported.
      auto& s = sheets[0];
      s.lines.pop_back();
      fewer = {name.sender.office_no, s.person, name.sender.service_type};
      for (const auto& l : s.lines) {
        const auto* code = masters.service_codes.find(l.service_code, s.month);
        if (code && code->limit_target) fewer_units += *l.units;
      }
      up.bytes = write_usage_sheets(sheets);
    } else if (left_out.office.empty()) {
      // (b) A person served by several offices is left out of this office's 実績.
      auto it = std::find_if(sheets.begin(), sheets.end(), [&](const UsageSheet& s) {
        return uses[s.person.insured_no] > 1 && s.person != fewer.person;
      });
      if (it != sheets.end() && sheets.size() > 1) {
        left_out = {name.sender.office_no, it->person, name.sender.service_type};
        sheets.erase(it);
        up.bytes = write_usage_sheets(sheets);
      }
    } else if (!delete_file) {
      // (c) A 実績 sent, then withdrawn by the office's DLTJSK.
      const auto& s = sheets.back();
      if (s.person != fewer.person && s.person != left_out.person) {
        withdrawn = {name.sender.office_no, s.person, name.sender.service_type};
        FileName del = name;
        del.kind = Registry::instance().kind("DLTJSK");
        del.serial = "20260503120000";
        Writer writer(*del.kind->layout);
        writer.add_utf8(std::vector<std::string>{Registry::instance().current_version().value, s.person.insurer_no,
                                                 s.person.insured_no, s.month.str(), name.sender.office_no,
                                                 name.sender.service_type});
        delete_file = Upload{del.str(), writer.take()};
      }
    }
    auto sent = send(w.hub(), HubWorld::office(name.sender.office_no), std::span(&up, 1), "", false, jst("2026-05-02T10:00"));
    ASSERT_TRUE(sent.refusals.empty()) << sent.refusals.at(0).to_string();
  }
  ASSERT_FALSE(left_out.office.empty());
  ASSERT_TRUE(delete_file);
  auto del = send(w.hub(), HubWorld::office(withdrawn.office), std::span(&*delete_file, 1), "", false, jst("2026-05-03T12:00"));
  ASSERT_EQ(del.withdrawn, 1);

  // The offices' claims reach reception; no care manager has sent a 給付管理票 yet.
  for (const auto& f : w.month().files()) {
    if (f.filename().string().starts_with("KK")) w.month().submit(f, "2026-05-05T10:00");
  }

  const auto report = month::run_reconcile(w.month().db_path(), {2026, 5}, jst("2026-05-06T09:00"));
  EXPECT_EQ(report.service_month.str(), "202604");
  ASSERT_FALSE(report.plans.empty());
  ASSERT_FALSE(report.files.empty());
  for (const auto& f : report.files) {
    EXPECT_EQ(f.check.error_count, 0u) << f.office_no << " " << (f.check.errors.empty() ? "" : f.check.errors[0].message_en);
    EXPECT_EQ(f.check.data_type, "821");
  }
  // 予定 ≠ 実績 where planted: the planned units stand against fewer (a) or none (b).
  auto difference = [&](const Planted& p) -> const UnitsDifference* {
    for (const auto& d : report.differences) {
      if (d.person == p.person && d.office_no == p.office && d.service_type == p.type) return &d;
    }
    return nullptr;
  };
  ASSERT_NE(difference(fewer), nullptr);
  EXPECT_EQ(difference(fewer)->actual, fewer_units);
  ASSERT_NE(difference(left_out), nullptr);
  EXPECT_EQ(difference(left_out)->actual, Units{});
  ASSERT_NE(difference(withdrawn), nullptr);
  EXPECT_EQ(difference(withdrawn)->actual, Units{});

  auto prediction = [&](const Planted& p) -> const ClaimPrediction& {
    for (const auto& c : report.claims) {
      const auto& k = c.claim.statement.key;
      if (k.office_no == p.office && k.insured_no == p.person.insured_no) return c;
    }
    throw std::logic_error("no claim of " + p.office + " for " + p.person.insured_no);
  };
  // (a) 増減 B to the units of the 実績; (b) 増減 A to 0 (or, with no line of any office, 保留).
  const auto& a = prediction(fewer);
  EXPECT_EQ(a.decision.outcome, review::ClaimOutcome::Cut);
  EXPECT_EQ(a.decision.rows.at(0).cut, review::CutReason::OverPlan);
  EXPECT_EQ(a.decision.rows.at(0).decided.units, fewer_units);
  EXPECT_LT(fewer_units, a.decision.rows.at(0).written.units);
  const auto& b = prediction(left_out);
  EXPECT_EQ(b.decision.outcome, review::ClaimOutcome::Cut);
  EXPECT_EQ(b.decision.rows.at(0).cut, review::CutReason::NotOnPlan);
  EXPECT_EQ(b.decision.rows.at(0).decided.units, Units{});
  const auto& c = prediction(withdrawn);
  EXPECT_NE(c.decision.outcome, review::ClaimOutcome::Paid);

  // The care managers send what reconcile wrote; then the month is reviewed.
  for (const auto& f : report.files) {
    auto s = w.month().submit_bytes(f.name, f.bytes, "2026-05-07T10:00");
    EXPECT_EQ(s.state, reception::FileState::Accepted) << f.office_no;
    EXPECT_EQ(s.error_count, 0u);
  }
  review::ReviewContext context{masters, w.world().offices, w.world().insurers, w.world().recipients,
                          review::config_of(w.settings().review)};
  w.month().review({2026, 5}, "2026-05-11T09:00", context);

  std::size_t not_paid = 0;
  for (const auto& p : report.claims) {
    EXPECT_EQ(predicted(p), reviewed(w.db(), p.claim.id)) << p.claim.id;
    if (p.decision.outcome != review::ClaimOutcome::Paid) ++not_paid;
  }
  EXPECT_GE(not_paid, 3u);
  auto count = w.db().connection().prepare("SELECT COUNT(*) FROM claim_decisions WHERE month = '202605'");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(static_cast<std::size_t>(count.integer(0)), report.claims.size());
}

}  // namespace
}  // namespace kaigo::careplan
