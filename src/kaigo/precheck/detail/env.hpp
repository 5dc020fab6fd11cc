// precheck/env — what every check of one file shares: the context, the rules, the processing month
// in force, where findings go, and the facts of the document being checked.
// Owns: those plain values. Must not: check anything.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/detail/findings.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/precheck/rules.hpp"

namespace kaigo::precheck {

struct CheckEnv {
  const PrecheckContext& context;
  const Rules& rules;
  Findings& findings;
  std::optional<YearMonth> processing_month;  // the context's, else the control record's
  std::string control_office;                 // 事業所番号 of the control record
  std::set<std::string, std::less<>> covered_types;  // サービス種類 the code master has codes of
};

// Facts of one document (or one copy of it) that several rules need, read once.
struct DocFacts {
  RuleFamily family = RuleFamily::Statement;
  std::optional<YearMonth> service_month;
  std::optional<Date> start;  // 基本情報 開始年月日
  std::optional<Date> end;    // 基本情報 中止年月日
  std::vector<std::pair<std::string_view, int>> actual_days;  // 集計: サービス種類 → サービス実日数
};

DocFacts doc_facts(const exchange::Document& doc, RuleFamily family, const DocInfo& info);

}  // namespace kaigo::precheck
