// review/office_checks — a document against the 事業所台帳, the サービス master and the 保険者台帳
// for its service month (review-rules §1.3 ADD0, ADD1, ADD2, ADDA; V-SPEC §1.3.1: 「事業所台帳と
// 照合し、事業所番号が有効であるか」「給付費単位数表と照合し、サービス内容に合ったサービスコード」).
// Owns: those lookups. Must not: decide the outcome (any finding returns the document).
#pragma once
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// ADD0 (office), ADD1 (each サービス種類 of the office, each サービスコード) of a 明細書.
void check_claim_services(const master::Masters& masters, const master::OfficeLedger& offices,
                          const billing::ClaimStatement& st, std::vector<Finding>& out);

// ADD2 / ADDA.
void check_insurer(const master::InsurerLedger& insurers, const std::string& insurer_no, YearMonth month,
                   std::vector<Finding>& out);

// ADD0 (the 居宅介護支援事業所) and ADD1 (each line's サービス事業所 × サービス種類) of a 給付管理票.
void check_plan_offices(const master::OfficeLedger& offices, const billing::BenefitPlan& plan, std::vector<Finding>& out);

}  // namespace kaigo::review
