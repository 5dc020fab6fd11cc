// portal/finding — why an application, or one receipt line of it, is not paid as written: returned
// to the applicant (返戻: the receipt does not name its purpose, …), left out of the eligible cost
// (対象外: work done before the scheme's period, …) or only noted (a cap applied). Each names its
// project code (KHnn, docs/portal.md), the rule it applies, and the reason in Japanese and English;
// the decision notice prints them.
// Owns: the value. Must not: decide anything.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo::portal {

enum class Effect : std::uint8_t {
  Return,   // 返戻: the application goes back to the applicant, who applies again
  Exclude,  // 対象外: the line is not part of the eligible cost
  Note,     // 参考: a cap or a reading the notice explains
};
inline constexpr EnumTable<Effect, 3> kEffects{{{
#include "kaigo/portal/finding_effect.enum.inc"
}}};
constexpr const auto& enum_table(Effect) { return kEffects; }

struct Finding {
  std::string code;  // KH10 …
  Effect effect = Effect::Note;
  int line = 0;      // the receipt line (1-based position in the application), 0 = the application
  std::string rule;  // the rule applied, e.g. "seed 003 2-5: 用途を記載"
  std::string message_ja;
  std::string message_en;
};

using Findings = std::vector<Finding>;

// How amounts and days read in messages and notices: "1,400,000", "64,000 円", "令和8年4月1日".
std::string grouped(std::int64_t n);
std::string yen_text(Yen y);
std::string day_text(Date d);

}  // namespace kaigo::portal
