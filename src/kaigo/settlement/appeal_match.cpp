// 再審査申立 matched to the 明細書 they name (settlement/rereview match_appeals): the 明細書 of the
// request's 様式, 事業所, 保険者, 被保険者 and 提供年月 (billing::ClaimKey, as 過誤), its decision in
// force, and the cut サービス種類 the request is about.
#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "kaigo/billing/keys.hpp"
#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/rereview.hpp"

namespace kaigo::settlement {
namespace {

class Refusals {
 public:
  Refusals(const std::string& file, Diagnostics& out) : file_(file), out_(out) {}

  void add(const RereviewAppeal& a, AppealColumn column, std::string_view value, std::string_view code,
           std::string ja, std::string en) {
    Diagnostic d;
    d.code = std::string(code);
    d.file = file_;
    d.line = a.line;
    d.item_no = static_cast<int>(column) + 1;
    d.item_name = std::string(appeal_column_ja(column));
    d.value = std::string(value);
    d.message_ja = std::move(ja);
    d.message_en = fmt::format("{} (column {})", en, appeal_column_name(column));
    out_.push_back(std::move(d));
  }

 private:
  const std::string& file_;
  Diagnostics& out_;
};

const review::RowDecision* row_of(const review::ClaimDecision& d, std::string_view service_type) {
  for (const auto& r : d.rows) {
    if (r.service_type == service_type) return &r;
  }
  return nullptr;
}

bool has_item(const billing::ClaimStatement& st, const RereviewAppeal& a) {
  return std::any_of(st.details.begin(), st.details.end(), [&](const billing::DetailLine& l) {
    return l.service_type == a.service_type && l.item_code == a.service_item;
  });
}

// Why the request cannot be decided on `claim`, added to `refuse`; true when it can.
bool fits(const RereviewAppeal& a, const SettledClaim& claim, YearMonth month, Refusals& refuse) {
  if (claim.decided_in >= month) {
    refuse.add(a, kAppealMonth, a.key.service_month.str(), code::kAppealSameMonth,
               fmt::format("この明細書は処理年月 {} の審査で決定されたものです。再審査申立は決定の翌月以降に受け付けます",
                           claim.decided_in.str()),
               fmt::format("this 明細書 was decided in the review of {}; an appeal is received in a later month",
                           claim.decided_in.str()));
    return false;
  }
  const auto* row = row_of(claim.decision, a.service_type);
  if (!row || !has_item(claim.statement, a)) {
    refuse.add(a, row ? kAppealItem : kAppealType, row ? a.service_item : a.service_type, code::kAppealNoService,
               fmt::format("サービス種類 {} サービス項目 {} はこの明細書にありません", a.service_type, a.service_item),
               fmt::format("service {} {} is not on this 明細書", a.service_type, a.service_item));
    return false;
  }
  if (row->cut == review::CutReason::None) {
    refuse.add(a, kAppealType, a.service_type, code::kAppealNotCut,
               fmt::format("サービス種類 {} は査定（減点）されていないため再審査の対象になりません", a.service_type),
               fmt::format("service type {} was not cut; there is nothing to re-review", a.service_type));
    return false;
  }
  const auto* reason = find_appeal_reason(std::string_view(a.appeal_code).substr(2));
  const char cut = static_cast<char>(row->cut);
  if (reason && reason->cut != 0 && reason->cut != cut) {
    refuse.add(a, kAppealCode, a.appeal_code, code::kAppealWrongCut,
               fmt::format("申立事由 {} は査定事由 {} への申立ですが、この査定の事由は {} です", a.appeal_code,
                           reason->cut, cut),
               fmt::format("reason {} appeals a cut of reason {}, but this cut is of reason {}", a.appeal_code,
                           reason->cut, cut));
    return false;
  }
  const Units asked = a.decided.value_or(a.requested);
  if (a.decision == AppealDecision::Restored && std::min(asked, row->written.units) <= row->decided.units) {
    const auto column = a.decided ? kAppealDecided : kAppealUnits;
    refuse.add(a, column, std::to_string(asked.value), code::kAppealNothingToRestore,
               fmt::format("増点（restored）ですが、{} 単位は原審単位数 {} 単位を超えていません", asked.value,
                           row->decided.units.value),
               fmt::format("restored, but {} units are not more than the {} units decided before", asked.value,
                           row->decided.units.value));
    return false;
  }
  return true;
}

}  // namespace

AppealMatch match_appeals(std::span<const RereviewAppeal> appeals, std::span<const SettledClaim> standing,
                          YearMonth month, const std::string& file_name) {
  std::unordered_map<billing::ClaimKey, const SettledClaim*> by_key;
  for (const auto& c : standing) {
    if (is_paid(c.decision)) by_key[billing::ClaimKey::from(c.statement.key)] = &c;
  }
  AppealMatch m;
  Refusals refuse(file_name, m.refused);
  for (const auto& a : appeals) {
    auto key = billing::ClaimKey::of(a.key);
    auto it = key ? by_key.find(*key) : by_key.end();
    if (it == by_key.end()) {
      const auto& k = a.key;
      refuse.add(a, kAppealInsured, k.insured_no, code::kAppealNoClaim,
                 fmt::format("事業所 {} 被保険者 {} 提供年月 {} 様式 {} の決定済みの明細書がありません", k.office_no,
                             k.insured_no, k.service_month.str(), k.form_id),
                 fmt::format("no decided 明細書 of office {}, insured {}, month {}, form {}", k.office_no,
                             k.insured_no, k.service_month.str(), k.form_id));
      continue;
    }
    if (fits(a, *it->second, month, refuse)) m.matched.push_back({a, *it->second});
  }
  return m;
}

}  // namespace kaigo::settlement
