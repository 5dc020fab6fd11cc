// 7411 / 7421 返戻（保留）一覧表: one line per reason of each 明細書 returned or held this month
// (held ones of earlier months included: seed 002 §5(3) lists 保留 in October and November, then
// 返戻), and of each 給付管理票 returned — on the list of the 居宅介護支援事業所 that made it.
#include <algorithm>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/detail/tables.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::settlement {
namespace {

struct ListedDocument {
  std::string id;
  std::string insurer_no;
  std::string insured_no;
  YearMonth service_month;
  std::string sheet;
  Units units;
  const std::vector<review::Finding>* findings;
};

void add(const ListedDocument& doc, const Names& names, std::vector<ReturnLine>& out) {
  for (const auto& f : *doc.findings) {
    if (f.kind == review::FindingKind::Cut) continue;  // 7311's
    ReturnLine l;
    l.doc_id = doc.id;
    l.payer_no = insurer8(doc.insurer_no);
    l.payer_name = names.insurer_name(doc.insurer_no, doc.service_month);
    l.insured_no = doc.insured_no;
    l.name_kana = names.name_kana(doc.insurer_no, doc.insured_no, doc.service_month);
    l.sheet = doc.sheet;
    l.service_month = doc.service_month;
    l.service_type = f.service_type;
    l.units = doc.units;
    l.reason = f.list_reason;
    l.content = f.content();
    l.remark = f.remark();
    out.push_back(std::move(l));
  }
}

std::vector<ListedDocument> documents(const OfficeMonth& om, Program program) {
  std::vector<ListedDocument> docs;
  for (const auto* c : om.claims) {
    const auto& d = c->decision;
    const auto& k = c->statement.key;
    if (program_of(k.form_id) != program) continue;
    if (d.outcome != review::ClaimOutcome::Returned && d.outcome != review::ClaimOutcome::Held) continue;
    docs.push_back({d.claim_id, k.insurer_no, k.insured_no, k.service_month, std::string(review::sheet_kind(k.form_id)),
                    written_units(d), &d.findings});
  }
  if (program != Program::Care) return docs;
  for (const auto* p : om.plans) {
    if (p->decision.outcome != review::PlanOutcome::Returned) continue;
    const auto& plan = p->plan;
    // A plan's numbers are held as the file's bytes (FixedText, at their official widths); a returned
    // one may hold a CP932 character (a half-width カナ passes as 英数), and the list is UTF-8 text.
    docs.push_back({p->plan_id, text::printable(plan.insurer_no.str()), text::printable(plan.insured_no.str()),
                    plan.service_month, std::string(review::sheet_kind("8222")),
                    plan.sum_of_lines(), &p->decision.findings});
  }
  // 請 and サ before 給 (the order of the 種別 legend), then by person, month, document.
  auto rank = [](const std::string& sheet) { return sheet == "給" ? 1 : 0; };
  auto key = [&](const ListedDocument& d) {
    return std::make_tuple(rank(d.sheet), insurer8(d.insurer_no), d.insured_no, d.service_month, d.id);
  };
  std::sort(docs.begin(), docs.end(), [&](const ListedDocument& a, const ListedDocument& b) { return key(a) < key(b); });
  return docs;
}

}  // namespace

std::vector<ReturnLine> return_lines(const OfficeMonth& om, Program program, const Names& names) {
  std::vector<ReturnLine> out;
  for (const auto& doc : documents(om, program)) add(doc, names, out);
  return out;
}

}  // namespace kaigo::settlement
