#include "kaigo/store/settlement_store.hpp"

#include <fmt/format.h>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/settlement/fees.hpp"
#include "kaigo/settlement/rereview.hpp"
#include "kaigo/settlement/withdrawals.hpp"
#include "kaigo/store/appeal_store.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/decision_rows.hpp"
#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/kago_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_documents.hpp"

namespace kaigo::store {
namespace {

using review::ClaimOutcome;

constexpr std::string_view kFindingColumns =
    "f.doc_id, f.kind, f.code, f.list_reason, f.cut, f.service_type, f.item, f.found, f.expected, f.message_ja, "
    "f.message_en";

class Loader {
 public:
  Loader(Database& db, SettlementSource& out) : db_(db), c_(db.connection()), out_(out) {}

  std::string_view keep(std::string s) { return out_.texts.emplace_back(std::move(s)); }

  using FindingsByDoc = std::unordered_map<std::string, std::vector<review::Finding>>;

  // The findings of a month's documents, by document id; read once per month.
  const FindingsByDoc& findings(const std::string& month) {
    if (auto it = findings_.find(month); it != findings_.end()) return it->second;
    auto st = c_.prepare(fmt::format("SELECT {} FROM decision_findings f WHERE f.month = ? ORDER BY f.doc_id, f.seq",
                                     kFindingColumns));
    st.bind(1, month);
    return read_findings(st, findings_[month]);
  }

  // The findings of `month` for the documents of the part only (its offices' 明細書 and the
  // 給付管理票 they made), where findings(month) would read the whole month's for every part: a
  // national month is ~75 parts with ~580,000 findings, and every part kept its copy of their texts.
  void read_part_findings(const std::string& month, const OfficeRange& offices) {
    auto st = c_.prepare(fmt::format(
        "SELECT {} FROM decision_findings f WHERE f.month = ?1 AND f.doc_id IN (SELECT claim_id FROM "
        "claim_decisions WHERE month = ?1 AND office_no >= ?2 AND office_no < ?3 UNION ALL SELECT plan_id FROM "
        "plan_decisions WHERE month = ?1 AND support_office_no >= ?2 AND support_office_no < ?3) "
        "ORDER BY f.doc_id, f.seq",
        kFindingColumns));
    st.bind(1, month).bind(2, offices.first).bind(3, offices.end);
    read_findings(st, findings_[month]);
  }

  using EveryDocument = std::function<void(std::int64_t file, const exchange::Document&)>;

  // Claim decisions chosen by `where` (over claim_decisions d), with rows, findings and 明細書.
  std::vector<settlement::SettledClaim> claims(const std::string& where, const std::function<void(Statement&)>& bind) {
    std::vector<StoredRef> refs;
    auto out = decided(where, bind, refs);
    for_each_stored(db_, refs, [&](std::size_t i, const exchange::Document& doc) { take_statement(doc, refs[i], out[i]); });
    return out;
  }

  // claims() for a month's many: the files parsed on every core; `every` sees every document of the
  // files read (called from several threads at once, one file's documents at a time).
  std::vector<settlement::SettledClaim> claims_on_cores(const std::string& where,
                                                        const std::function<void(Statement&)>& bind,
                                                        const EveryDocument& every) {
    std::vector<StoredRef> refs;
    auto out = decided(where, bind, refs);
    for_each_stored_on_cores(
        db_, refs, [&](std::size_t i, const exchange::Document& doc) { take_statement(doc, refs[i], out[i]); }, every);
    return out;
  }

  // The decision in force of a 明細書 as the settlement of `month` finds it: its latest decision
  // that pays it — of an earlier month (a 再審査 included), or of this month's review — unless a
  // 過誤 of an earlier month withdrew it.
  std::optional<settlement::SettledClaim> in_force(const std::string& claim_id, YearMonth month) {
    auto ref = parse_claim_id(claim_id);
    if (!ref) return std::nullopt;
    auto found = claims(
        "d.id = (SELECT id FROM claim_decisions WHERE submission_id = ?3 AND claim_id = ?1 AND outcome IN ('paid', 'cut') "
        "AND (month < ?2 OR (month = ?2 AND kind = 'review')) ORDER BY month DESC, id DESC LIMIT 1) "
        "AND NOT EXISTS (SELECT 1 FROM claim_withdrawals w WHERE w.claim_id = ?1 AND w.month < ?2)",
        [&](Statement& st) { st.bind(1, claim_id).bind(2, month.str()).bind(3, ref->submission); });
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

  const FindingsByDoc& read_findings(Statement& st, FindingsByDoc& by_doc) {
    while (st.step()) {
      review::Finding f;
      f.kind = review::kFindingKinds.parse(st.text(1)).value_or(review::FindingKind::Error);
      f.code = st.text(2);
      auto reason = st.text(3);
      f.list_reason = reason.empty() ? 0 : reason[0];
      f.cut = review::kCutReasons.parse(st.text(4)).value_or(review::CutReason::None);
      f.service_type = st.text(5);
      f.item = st.text(6);
      f.found = st.text(7);
      f.expected = st.text(8);
      f.message_ja = keep(st.text(9));
      f.message_en = keep(st.text(10));
      by_doc[st.text(0)].push_back(std::move(f));
    }
    return by_doc;
  }

  // The decisions `where` chooses, without their 明細書; refs[i] names the 明細書 of the i-th.
  std::vector<settlement::SettledClaim> decided(const std::string& where, const std::function<void(Statement&)>& bind,
                                                std::vector<StoredRef>& refs) {
    auto st = c_.prepare(
        "SELECT d.id, d.claim_id, d.order_no, d.outcome, d.released, d.held_since, "
        "d.month, d.packed_rows FROM claim_decisions d WHERE " +
        where + " ORDER BY d.order_no, d.claim_id");
    bind(st);
    std::vector<settlement::SettledClaim> out;
    while (st.step()) {
      settlement::SettledClaim s;
      auto& d = s.decision;
      d.claim_id = st.text(1);
      d.order = static_cast<std::uint64_t>(st.integer(2));
      d.outcome = review::kClaimOutcomes.parse(st.text(3)).value_or(ClaimOutcome::Returned);
      d.released = st.integer(4) != 0;
      if (auto m = YearMonth::parse(st.text(5))) d.held_since = *m;
      s.decided_in = YearMonth::parse(st.text(6)).value_or(YearMonth{});
      const auto& f = findings(st.text(6));
      if (auto it = f.find(d.claim_id); it != f.end()) d.findings = it->second;
      unpack_rows(st.blob(7), d);
      refs.push_back(stored_claim(d.claim_id));
      out.push_back(std::move(s));
    }
    return out;
  }

  static void take_statement(const exchange::Document& doc, const StoredRef& ref, settlement::SettledClaim& claim) {
    auto copies = claims_of(doc);
    if (ref.copy >= 1 && ref.copy <= copies.size()) claim.statement = std::move(copies[ref.copy - 1]);
  }

  // The 明細書 ever decided paid or cut under the key a 再審査申立 names (any month: the matching
  // tells a decision of the month itself from none).
  std::vector<std::string> claims_under(const settlement::RereviewAppeal& a) {
    auto st = c_.prepare(
        "SELECT DISTINCT claim_id FROM claim_decisions WHERE form_id = ? AND office_no = ? AND insurer_no = ? AND "
        "insured_no = ? AND service_month = ? AND outcome IN ('paid', 'cut') ORDER BY claim_id");
    const auto& k = a.key;
    st.bind(1, k.form_id).bind(2, k.office_no).bind_static(3, master::normalize_insurer_no(k.insurer_no));
    st.bind(4, k.insured_no).bind(5, k.service_month.str());
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
  }

  // The 事業所番号 of a stored 明細書 (without reading its file).
  std::string office_of(const std::string& claim_id) {
    auto ref = parse_claim_id(claim_id);
    if (!ref) return {};
    auto st = c_.prepare("SELECT office_no FROM claim_decisions WHERE submission_id = ? AND claim_id = ? LIMIT 1");
    st.bind(1, ref->submission).bind(2, claim_id);
    return st.step() ? st.text(0) : std::string();
  }

 private:
  Database& db_;
  Connection& c_;
  SettlementSource& out_;
  std::map<std::string, FindingsByDoc> findings_;
};

}  // namespace

bool OfficeRange::contains(std::string_view office_no) const { return office_no >= first && office_no < end; }

std::vector<OfficeRange> settlement_parts(Database& db, YearMonth month, std::int64_t max_claims) {
  auto st = db.connection().prepare(
      "SELECT office_no, COUNT(*) FROM claim_decisions WHERE month = ? AND kind = ? GROUP BY office_no ORDER BY "
      "office_no");
  st.bind(1, month.str()).bind(2, kReviewDecision);
  std::vector<OfficeRange> parts{{}};
  std::int64_t in_part = 0;
  while (st.step()) {
    const auto n = st.integer(1);
    if (in_part > 0 && in_part + n > max_claims) {
      parts.back().end = st.text(0);
      parts.push_back({st.text(0), OfficeRange{}.end});
      in_part = 0;
    }
    in_part += n;
  }
  return parts;
}

std::unique_ptr<SettlementSource> load_settlement_input(Database& db, YearMonth month, const OfficeRange& offices) {
  auto& c = db.connection();
  {
    auto st = c.prepare("SELECT 1 FROM review_months WHERE month = ?");
    st.bind(1, month.str());
    if (!st.step()) {
      throw StoreError(
          fmt::format("処理年月 {} はまだ審査されていません。先に kaigo review を実行してください / {} has not "
                      "been reviewed; run kaigo review first",
                      month.str(), month.str()));
    }
  }
  auto out = std::make_unique<SettlementSource>();
  auto& in = out->input;
  in.month = month;
  Loader load(db, *out);
  load.read_part_findings(month.str(), offices);
  // The 請求書 rows of the files read for the month's 明細書, taken on the way (請求差, below): a file
  // is parsed once, not twice. A file read is marked even when it has no 請求書.
  std::map<std::int64_t, std::vector<billing::InvoiceRow>> invoices_of_file;
  std::mutex invoices_mutex;  // the files are parsed on every core
  const auto take_invoices = [&](std::int64_t file, const exchange::Document& d) {
    std::vector<billing::InvoiceRow> rows;
    if (d.form->family == exchange::Family::Invoice) {
      for (const auto& r : d.records()) rows.push_back(documents::to_invoice_row(r));
    }
    std::lock_guard lock(invoices_mutex);
    auto& kept = invoices_of_file[file];
    std::move(rows.begin(), rows.end(), std::back_inserter(kept));
  };
  in.claims = load.claims_on_cores(
      "d.month = ? AND d.kind = ? AND d.office_no >= ? AND d.office_no < ?",
      [&](Statement& st) {
        st.bind(1, month.str()).bind(2, kReviewDecision).bind(3, offices.first).bind(4, offices.end);
      },
      take_invoices);

  // 給付管理票 decided this month, with their links (再審査, 取消).
  const auto& plan_findings = load.findings(month.str());
  std::vector<StoredRef> plan_refs;
  {
    auto st = c.prepare(
        "SELECT plan_id, order_no, outcome, previous_plan_id FROM plan_decisions WHERE month = "
        "? AND support_office_no >= ? AND support_office_no < ? ORDER BY order_no, plan_id");
    st.bind(1, month.str()).bind(2, offices.first).bind(3, offices.end);
    auto links = c.prepare("SELECT kind, claim_id FROM plan_links WHERE month = ? AND plan_id = ?");
    while (st.step()) {
      settlement::SettledPlan p;
      p.plan_id = st.text(0);
      p.decision.plan_id = p.plan_id;
      p.decision.order = static_cast<std::uint64_t>(st.integer(1));
      p.decision.outcome = review::kPlanOutcomes.parse(st.text(2)).value_or(review::PlanOutcome::Returned);
      p.decision.previous_plan_id = st.text(3);
      if (auto it = plan_findings.find(p.plan_id); it != plan_findings.end()) p.decision.findings = it->second;
      links.bind(1, month.str()).bind(2, p.plan_id);
      while (links.step()) {
        (links.text(0) == "rereview" ? p.decision.rereview_claims : p.decision.withdrawn_claims)
            .push_back(links.text(1));
      }
      links.reset();
      plan_refs.push_back(stored_plan(p.plan_id));
      in.plans.push_back(std::move(p));
    }
  }
  for_each_stored(db, plan_refs,
                  [&](std::size_t i, const exchange::Document& d) { in.plans[i].plan = documents::to_plan(d); });

  // 再審査 (修正) and 過誤 (取消) caused by this month's 給付管理票, for the 明細書 of these offices
  // (the 明細書's office is paid or charged, whichever office made the plan).
  {
    auto links = c.prepare(
        "SELECT l.plan_id, l.kind, l.claim_id FROM plan_links l JOIN plan_decisions p ON "
        "p.month = l.month AND p.plan_id = l.plan_id WHERE l.month = ? ORDER BY p.order_no, l.rowid");
    links.bind(1, month.str());
    struct Link {
      std::string plan_id, kind, claim_id;
      StoredRef plan;
    };
    std::vector<Link> all;
    while (links.step())
      all.push_back({links.text(0), links.text(1), links.text(2), stored_plan(links.text(0))});
    std::map<std::string, billing::BenefitPlan> plans;  // plan id → the corrected plan (修正 only)
    for (auto& l : all) {
      if (!offices.contains(load.office_of(l.claim_id))) continue;
      auto claim = load.in_force(l.claim_id, month);
      if (!claim || !offices.contains(claim->statement.key.office_no)) continue;
      if (l.kind != "rereview") {
        if (auto w = settlement::withdrawal_by_plan_cancel(*claim)) in.withdrawals.push_back(std::move(*w));
        continue;
      }
      auto it = plans.find(l.plan_id);
      if (it == plans.end()) {
        billing::BenefitPlan plan;
        for_each_stored(db, std::vector<StoredRef>{l.plan},
                        [&](std::size_t, const exchange::Document& d) { plan = documents::to_plan(d); });
        it = plans.emplace(l.plan_id, std::move(plan)).first;
      }
      in.rereviews.push_back({l.plan_id, it->second, std::move(*claim)});
    }
  }

  // 過誤 filed for this month: each matched to the decision in force under its key.
  out->kago = kago_of(db, month);
  std::erase_if(out->kago, [&](const settlement::KagoRequest& k) { return !offices.contains(k.key.office_no); });
  if (!out->kago.empty()) {
    std::vector<settlement::SettledClaim> standing;
    auto ids = c.prepare(
        "SELECT DISTINCT d.claim_id FROM claim_decisions d JOIN kago_requests k ON k.month = ?1 AND k.form_id = "
        "d.form_id AND k.office_no = d.office_no AND " + normalized_insurer("k.insurer_no") +
        " = d.insurer_no AND k.insured_no = d.insured_no AND k.service_month = d.service_month WHERE d.month < ?1 "
        "AND d.outcome IN ('paid', 'cut') AND k.office_no >= ?2 AND k.office_no < ?3");
    ids.bind(1, month.str()).bind(2, offices.first).bind(3, offices.end);
    std::vector<std::string> claim_ids;
    while (ids.step()) claim_ids.push_back(ids.text(0));
    for (const auto& id : claim_ids) {
      if (auto claim = load.in_force(id, month)) standing.push_back(std::move(*claim));
    }
    auto matched = settlement::match_kago(out->kago, standing, in.withdrawals);
    for (auto& w : matched.withdrawals) in.withdrawals.push_back(std::move(w));
    out->unmatched_kago = std::move(matched.unmatched);
  }

  // 再審査申立 filed for this month, file by file.
  {
    std::map<std::string, std::vector<settlement::RereviewAppeal>> by_file;
    for (auto& a : appeals_of(db, month)) {
      if (offices.contains(a.appeal.key.office_no)) by_file[a.file_name].push_back(std::move(a.appeal));
    }
    for (const auto& [file, appeals] : by_file) match_appeals(db, month, appeals, file, *out);
  }

  // 請求書 rows of the month's accepted files, for 請求差.
  {
    auto st = c.prepare(
        "SELECT id FROM submissions WHERE processing_month = ? AND state = 'sent' AND office_no >= ? AND office_no < ? "
        "ORDER BY id");
    st.bind(1, month.str()).bind(2, offices.first).bind(3, offices.end);
    std::vector<std::int64_t> files;
    while (st.step()) files.push_back(st.integer(0));
    for (auto id : files) {
      if (!invoices_of_file.contains(id)) read_stored(db, id, [&](const exchange::Document& d) { take_invoices(id, d); });
      auto& rows = invoices_of_file[id];
      std::move(rows.begin(), rows.end(), std::back_inserter(in.invoices));
    }
  }

  // 伝送事業所: offices that sent a file of the month through the server (an account is its sender).
  {
    auto st = c.prepare(
        "SELECT DISTINCT office_no FROM submissions WHERE processing_month = ? AND state = 'sent' AND sender <> '' "
        "AND office_no >= ? AND office_no < ?");
    st.bind(1, month.str()).bind(2, offices.first).bind(3, offices.end);
    while (st.step()) in.internet_offices.insert(st.text(0));
  }

  // Fees due this month (the latest fees.csv loaded), then those kaigo recorded (fees_due).
  if (auto fees = db.latest_table(TableKind::Fees)) {
    auto loaded = settlement::load_fees(fees->text, fees->file_name);
    if (!loaded.ok()) throw StoreError("保存済みの fees を読み込めません / the stored fees no longer load");
    for (const auto& f : *loaded.table) {
      if (f.month == month && offices.contains(f.charge.office_no)) in.charges.push_back(f.charge);
    }
  }
  for (const auto& f : due_fees(db, month)) {
    if (offices.contains(f.charge.office_no)) in.charges.push_back(f.charge);
  }

  // Shortfalls carried from the last settled month.
  {
    auto st = c.prepare(
        "SELECT office_no, carried_out FROM office_payments WHERE carried_out > 0 AND month = (SELECT MAX(month) FROM "
        "office_payments WHERE month < ?)");
    st.bind(1, month.str());
    while (st.step()) {
      if (offices.contains(st.text(0))) in.carried_in[st.text(0)] = Yen{st.integer(1)};
    }
  }
  return out;
}

void match_appeals(Database& db, YearMonth month, std::span<const settlement::RereviewAppeal> appeals,
                   const std::string& file_name, SettlementSource& source) {
  Loader load(db, source);
  std::vector<settlement::SettledClaim> standing;
  std::set<std::string> seen;
  for (const auto& a : appeals) {
    for (const auto& id : load.claims_under(a)) {
      if (!seen.insert(id).second) continue;
      if (auto claim = load.in_force(id, month)) standing.push_back(std::move(*claim));
    }
  }
  auto matched = settlement::match_appeals(appeals, standing, month, file_name);
  for (auto& m : matched.matched) source.input.appeals.push_back(std::move(m));
  for (auto& d : matched.refused) source.refused_appeals.push_back(std::move(d));
}

void store_settlement(Database& db, const settlement::MonthSettlement& s) {
  auto& c = db.connection();
  const auto month = s.month.str();
  Transaction tx(c);
  const auto rereviewed = "month = ?1 AND kind = ?2 AND " + not_review_kind("claim_decisions");
  c.prepare("DELETE FROM decision_findings WHERE month = ?1 AND doc_id IN (SELECT claim_id FROM claim_decisions WHERE " +
            rereviewed + ")")
      .bind(1, month)
      .bind(2, kRereviewDecision)
      .run();
  c.prepare("DELETE FROM claim_decisions WHERE " + rereviewed).bind(1, month).bind(2, kRereviewDecision).run();
  c.prepare("DELETE FROM claim_withdrawals WHERE month = ?").bind(1, month).run();
  c.prepare("DELETE FROM office_payments WHERE month = ?").bind(1, month).run();

  DecisionWriter decisions(c);
  for (const auto& r : s.rereviewed) decisions.claim(month, kRereviewDecision, r.statement.key, r.after);
  auto withdrawal =
      c.prepare("INSERT INTO claim_withdrawals(month, claim_id, kago_code, same_month) VALUES (?, ?, ?, ?)");
  for (const auto& w : s.withdrawn) {
    withdrawal.bind(1, month).bind(2, w.claim_id).bind(3, w.kago_code).bind(4, w.same_month ? 1 : 0).run();
  }
  auto payment =
      c.prepare("INSERT INTO office_payments(month, office_no, transfer, carried_out, billed) VALUES (?, ?, ?, ?, ?)");
  for (const auto& o : s.offices) {
    payment.bind(1, month).bind(2, o.office.office_no).bind(3, o.payment.transfer.value);
    payment.bind(4, o.payment.carried_out.value).bind(5, o.payment.billed.value).run();
  }
  tx.commit();
}

}  // namespace kaigo::store
