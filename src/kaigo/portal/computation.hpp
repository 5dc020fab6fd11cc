// portal/computation — the amount of a 助成金 application, exactly and step by step (seed 000 §2,
// seed 003): each receipt line read (its 内訳, its item, its 台数) and kept or left out (work outside
// the scheme's period, an item the scheme does not cover); card readers capped by count (the sum of
// the applicant's classes' 台数; the dearest readers first, a receipt's share as floor(amount × k ÷ n));
// the eligible cost; × 補助率, rounded down to the yen; capped by the 助成限度額 (the sum of the
// classes' limits for an office with several services, the class by beds for a medical
// institution). Every figure is a Step that the decision notice prints.
// Owns: that arithmetic and the steps' wording. Must not: read storage or decide states.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/portal/finding.hpp"
#include "kaigo/portal/receipt.hpp"
#include "kaigo/portal/scheme.hpp"

namespace kaigo::portal {

// 申請者: an office (事業所番号, with the service types it applies for) or a medical institution
// (医療機関コード, hospital or clinic, 病床数).
struct Applicant {
  Program program = Program::Office;
  std::string number;                 // 事業所番号 / 医療機関コード
  std::string name;                   // 事業所名 / 医療機関名
  std::vector<std::string> services;  // サービス種類コード (office)
  Facility facility = Facility::Office;
  int beds = 0;  // 病床数 (medical)
};

// The classes whose limits an office adds up (one per class, or one per service by the scheme's
// limit_sum), and the service types no class is known for.
struct OfficeClasses {
  std::vector<const ClassLimit*> classes;
  std::vector<std::string> unknown_services;
};
OfficeClasses office_classes(const Scheme& scheme, std::span<const std::string> services, const Schemes& schemes);

// One figure of the computation as the notice prints it.
struct Step {
  std::string code;      // line, readers, support, modification, cost, rate, limit, amount
  std::string label_ja;  // e.g. 助成対象経費
  std::string label_en;
  std::string formula;  // how it arises, in figures (Japanese): "80,000 円 × 3台 ÷ 4台 = 60,000 円"
  Yen amount;
};

// 交付 (an amount is granted), 不交付 (nothing is eligible), 返戻 (returned to the applicant).
enum class Outcome : std::uint8_t { Granted, Nothing, Returned };
inline constexpr EnumTable<Outcome, 3> kOutcomes{{{
#include "kaigo/portal/computation_outcome.enum.inc"
}}};
constexpr const auto& enum_table(Outcome) { return kOutcomes; }

struct LineOutcome {
  LineReading reading;
  bool eligible = false;  // part of the eligible cost (before the reader cap)
  Yen counted;            // what it adds to the eligible cost
  std::optional<int> readers_counted;
};

struct Computation {
  Outcome outcome = Outcome::Nothing;
  std::vector<LineOutcome> lines;
  int reader_cap = 0;  // カードリーダーの助成限度台数 (office)
  Yen cost;            // 助成対象経費
  Yen after_rate;      // × 補助率, rounded down
  Yen limit;           // 助成限度額
  Yen amount;          // 交付額 (0 unless granted)
  std::vector<Step> steps;
  Findings findings;  // in line order, then the application's
};

// Computes an application of `applicant` made on `applied_on` under `scheme`. The applicant's
// classes must be known (apply refuses otherwise); `lines` must not be empty.
Computation compute(const Scheme& scheme, const Applicant& applicant, std::span<const ReceiptLine> lines,
                    Date applied_on, const Schemes& schemes);

}  // namespace kaigo::portal
