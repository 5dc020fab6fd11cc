// precheck/master_checks — a document against the masters and ledgers the PrecheckContext gives: 事業所 and
// its サービス registered for the month (ADD0 / ADD1) with its 指定／基準該当 class (ADD3: 様式第七
// item 3, 給付管理票 line item 18), the 保険者 (ADD2 / ADDA), the サービス種類
// allowed on the 様式 (KP29), the サービスコード in the code master (KP27) with its 単位数 (KP28).
// Owns: those lookups. Must not: use the recipient ledger or a 給付管理票 (the review does).
#pragma once
#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/detail/env.hpp"

namespace kaigo::precheck {

void check_statement_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                             const DocInfo& info);
void check_careplan_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                            const DocInfo& info);
void check_plan_masters(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                        const DocInfo& info);

// The サービス種類 the code master has any code of: only their codes can be judged unknown (the
// bundled master is a subset; with the official one every type is covered).
std::set<std::string, std::less<>> covered_service_types(const master::Masters& masters);

}  // namespace kaigo::precheck
