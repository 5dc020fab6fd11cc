#include "kaigo/careplan/hub_json.hpp"

#include <map>

#include <fmt/format.h>

namespace kaigo::careplan {
namespace {

nlohmann::json time_or_null(const std::optional<LocalDateTime>& t) {
  return t ? nlohmann::json(t->str()) : nlohmann::json(nullptr);
}

nlohmann::json file_json(const ParcelFile& f) {
  return {{"id", f.id},
          {"seq", f.seq},
          {"name", f.name},
          {"kind", f.kind},
          {"month", f.month},
          {"sender", {{"office", f.sender.office_no}, {"service_type", f.sender.service_type}}},
          {"receiver", f.attachment() ? nlohmann::json(nullptr)
                                      : nlohmann::json{{"office", f.receiver.office_no}, {"service_type", f.receiver.service_type}}},
          {"sha256", f.sha256},
          {"size", f.size},
          {"persons", f.persons},
          {"withdrawn_persons", f.withdrawn_persons},
          {"withdrawn", f.withdrawn()},
          {"purged_at", time_or_null(f.purged_at)}};
}

nlohmann::json claim_json(const ClaimPrediction& c) {
  const auto& k = c.claim.statement.key;
  nlohmann::json codes = nlohmann::json::array();
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : c.decision.findings) {
    if (!f.code.empty()) codes.push_back(f.code);
    findings.push_back({{"kind", review::kFindingKinds.code(f.kind)},
                        {"code", f.code},
                        {"remark", f.remark()},
                        {"cut", review::kCutReasons.code(f.cut)},
                        {"service_type", f.service_type},
                        {"item", f.item},
                        {"found", f.found},
                        {"expected", f.expected},
                        {"message_ja", std::string(f.message_ja)},
                        {"message_en", std::string(f.message_en)}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : c.decision.rows) {
    rows.push_back({{"service_type", r.service_type},
                    {"cut", review::kCutReasons.code(r.cut)},
                    {"plan_units", r.plan_units ? nlohmann::json(r.plan_units->value) : nlohmann::json(nullptr)},
                    {"written_units", r.written.units.value},
                    {"decided_units", r.decided.units.value},
                    {"change", r.change().value}});
  }
  return {{"claim_id", c.claim.id},
          {"form", k.form_id},
          {"office", k.office_no},
          {"insurer", k.insurer_no},
          {"insured", k.insured_no},
          {"service_month", k.service_month.str()},
          {"outcome", review::kClaimOutcomes.code(c.decision.outcome)},
          {"outcome_ja", std::string(enum_ja(c.decision.outcome))},
          {"released", c.decision.released},
          {"codes", codes},
          {"rows", rows},
          {"findings", findings},
          {"written_yen", c.decision.written_total().insurance_claim.value},
          {"decided_yen", c.decision.decided_total().insurance_claim.value}};
}

}  // namespace

nlohmann::json to_json(const Parcel& p) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : p.files) files.push_back(file_json(f));
  nlohmann::json receipts = nlohmann::json::array();
  for (const auto& r : p.receipts) {
    receipts.push_back({{"office", r.office_no},
                        {"received", r.received_at.has_value()},
                        {"received_at", time_or_null(r.received_at)},
                        {"received_by", r.received_by}});
  }
  return {{"id", p.id},
          {"state", parcel_state_name(p.state)},
          {"sender_office", p.sender_office},
          {"sender_user", p.sender_user},
          {"message", p.message},
          {"created_at", p.created_at.str()},
          {"sent_at", time_or_null(p.sent_at)},
          {"files", files},
          {"receipts", receipts}};
}

nlohmann::json to_json(const InboxEntry& e) {
  auto j = to_json(e.parcel);
  const auto* r = e.parcel.receipt_of(e.office);
  j["office"] = e.office;
  j["received"] = r && r->received_at.has_value();
  return j;
}

nlohmann::json to_json(const Licence& l) {
  return {{"id", l.id},
          {"office", l.office_no},
          {"applied_on", l.applied_on.str()},
          {"valid_from", l.valid_from.str()},
          {"valid_to", l.valid_to.str()},
          {"terms", l.terms},
          {"free", l.free},
          {"fee_month", l.fee_month ? nlohmann::json(l.fee_month->str()) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const auth::Refusal& r) {
  return {{"code", r.code}, {"rule", r.rule}, {"message_ja", r.message_ja}, {"message_en", r.message_en}};
}

nlohmann::json to_json(const ReconcileReport& r, bool all_claims) {
  std::map<std::string_view, nlohmann::json> plans_of;  // 居宅介護支援事業所 → its persons, in plan order
  for (const auto& p : r.plans) {
    auto& list = plans_of[p.support_office_no];
    if (list.is_null()) list = nlohmann::json::array();
    list.push_back(p.insured_no);
  }
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : f.check.errors) errors.push_back({{"code", e.code}, {"line", e.line}, {"message_ja", e.message_ja}});
    auto plans = plans_of.find(f.office_no);
    files.push_back({{"office", f.office_no},
                     {"name", f.name},
                     {"plans", plans == plans_of.end() ? nlohmann::json::array() : plans->second},
                     {"bytes", f.bytes.size()},
                     {"error_count", f.check.error_count},
                     {"errors", errors}});
  }
  nlohmann::json diffs = nlohmann::json::array();
  for (const auto& d : r.differences) {
    diffs.push_back({{"insurer", d.person.insurer_no},
                     {"insured", d.person.insured_no},
                     {"office", d.office_no},
                     {"service_type", d.service_type},
                     {"planned_units", d.planned.value},
                     {"actual_units", d.actual.value}});
  }
  nlohmann::json claims = nlohmann::json::array();
  std::map<std::string, int> summary;
  for (const auto& c : r.claims) {
    ++summary[std::string(review::kClaimOutcomes.code(c.decision.outcome))];
    if (all_claims || c.decision.outcome != review::ClaimOutcome::Paid) claims.push_back(claim_json(c));
  }
  return {{"review_month", r.review_month.str()},
          {"service_month", r.service_month.str()},
          {"plans_to_send", r.plans.size()},
          {"files", files},
          {"differences", diffs},
          {"claims", claims},
          {"summary", summary}};
}

std::string format_text(const ReconcileReport& r) {
  std::string t = fmt::format("■ 予定・実績と請求の突合 / plan against claim — 処理年月 {} (サービス提供年月 {})\n",
                              r.review_month.str(), r.service_month.str());
  t += fmt::format("給付管理票（実績から作成, 未提出分）/ 給付管理票 to send: {} 件\n", r.plans.size());
  for (const auto& f : r.files) {
    t += fmt::format("  {} {} {} bytes, 事前チェック / pre-check errors: {}\n", f.office_no, f.name, f.bytes.size(),
                     f.check.error_count);
  }
  t += fmt::format("予定と実績の差 / 予定 ≠ 実績: {} 件\n", r.differences.size());
  for (const auto& d : r.differences) {
    t += fmt::format("  {} {} 事業所 {} 種類 {}: 予定 {} 単位, 実績 {} 単位\n", d.person.insurer_no, d.person.insured_no,
                     d.office_no, d.service_type, d.planned.value, d.actual.value);
  }
  t += "審査の見込み（決定以外）/ what the review would do (other than paid):\n";
  for (const auto& c : r.claims) {
    if (c.decision.outcome == review::ClaimOutcome::Paid) continue;
    const auto& k = c.claim.statement.key;
    t += fmt::format("  事業所 {} 様式 {} {} {}: {}", k.office_no, k.form_id, k.insurer_no, k.insured_no,
                     enum_ja(c.decision.outcome));
    for (const auto& row : c.decision.rows) {
      if (row.cut != review::CutReason::None) {
        t += fmt::format(" [増減 {} 種類 {} {}→{} 単位]", static_cast<char>(row.cut), row.service_type,
                         row.written.units.value, row.decided.units.value);
      }
    }
    for (const auto& f : c.decision.findings) {
      if (!f.code.empty()) t += fmt::format(" [{}]", f.code);
    }
    t += "\n";
  }
  return t;
}

}  // namespace kaigo::careplan
