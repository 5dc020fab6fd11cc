// billing/terms — gathers, from the masters and ledgers, what the calculator needs to know about
// one 明細書 from outside it: 単価 per サービス種類 (事業所の地域区分 × 人件費割合), the plan units
// of the 給付管理票, the 給付率 of the 受給者台帳, the service-code master.
// Owns: those lookups. Must not: decide what a missing plan or office means (review does).
#pragma once
#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/types.hpp"
#include "kaigo/master/masters.hpp"

namespace kaigo::billing {

// From a municipality's own 総合事業 codes on the statement (nullopt when none sets one): its 単価
// for `type`, and its 定率 給付率.
std::optional<UnitPrice> own_unit_price(const master::Masters& masters, const ClaimStatement& st, std::string_view type);
std::optional<int> own_benefit_rate(const master::Masters& masters, const ClaimStatement& st);

// `plan` may be null (no 給付管理票: no plan limit is applied); with a plan, a service type inside
// the 区分支給限度額 that has no line gets a plan of 0 units (増減 事由 A). `recipient` may be
// null (the written 給付率 is used). A サービス種類 whose office or master entry is missing gets
// no unit price, which compute() reports.
StatementTerms make_terms(const master::Masters& masters, const master::OfficeLedger& offices,
                          const ClaimStatement& statement, const BenefitPlan* plan,
                          const master::Recipient* recipient);

}  // namespace kaigo::billing
