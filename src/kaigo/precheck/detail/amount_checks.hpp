// precheck/amount_checks — recomputes the amounts a document writes from what it claims and lists
// every written value that differs: ASSA when the written one is larger (「記載された値が計算値を
// 超過」), ASS0 otherwise; ATT5 for an insurance claim of a 生保単独 person; the 単価 of the office's
// 地域区分 when the office ledger is given; the 給付管理票 total (KP32).
// There is no 給付管理票 and no 受給者台帳 here, so the 明細書 is recomputed with its own written
// 給付率, 単価 and 計画単位数 (StatementTerms::plan_from_claim): what is checked is that the document
// agrees with itself and with the masters; whether the 給付率 and plan are right is the review's.
// Owns: which computed values are compared and how a difference becomes a row.
// Must not: compute amounts itself beyond the 様式第七 line arithmetic (billing does).
#pragma once
#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/detail/env.hpp"

namespace kaigo::precheck {

void check_statement_amounts(const CheckEnv& env, const exchange::Document& doc, const billing::ClaimStatement& written,
                             const DocFacts& facts, const DocInfo& info);
void check_careplan_amounts(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                            const DocInfo& info);
void check_plan_totals(const CheckEnv& env, const exchange::Document& doc, const DocInfo& info);

}  // namespace kaigo::precheck
