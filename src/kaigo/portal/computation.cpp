#include "kaigo/portal/computation.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::portal {
namespace {

// The step a receipt line becomes: what it says and what it adds.
Step line_step(const ReceiptLine& line, int position, const LineOutcome& o) {
  const auto purpose = line.purpose.empty() ? std::string("（用途の記載なし）") : escape_control(line.purpose);
  Step s{"line",
         fmt::format("{}. 領収書{}「{}」", position, line.receipt, purpose),
         fmt::format("{}. receipt {}", position, line.receipt),
         {},
         o.eligible ? line.amount : Yen{}};
  s.formula = fmt::format("税込 {}（税抜 {}＋消費税等 {}{}）", yen_text(line.amount), yen_text(o.reading.net),
                          yen_text(o.reading.tax), o.reading.derived ? "、税込金額から算出" : "");
  if (o.reading.kind == ItemKind::CardReader && o.reading.count) s.formula += fmt::format("、{}台", *o.reading.count);
  s.formula += fmt::format("、実施日 {}", day_text(line.work_day()));
  if (!o.eligible) s.formula += "　→ 対象外";
  return s;
}

struct ReaderShare {
  std::size_t index;  // into lines
  Yen amount;
  int count;
};

// Card readers up to `cap`, the dearest first (unit prices compared exactly: a × n_b vs b × n_a);
// a receipt partly within the cap counts floor(amount × k ÷ n).
Step count_readers(std::span<const ReceiptLine> lines, std::vector<LineOutcome>& outcomes, int cap,
                   Findings& findings) {
  std::vector<ReaderShare> readers;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    if (o.eligible && o.reading.kind == ItemKind::CardReader) readers.push_back({i, lines[i].amount, *o.reading.count});
  }
  std::stable_sort(readers.begin(), readers.end(), [](const ReaderShare& a, const ReaderShare& b) {
    return a.amount.value * b.count > b.amount.value * a.count;
  });
  int total = 0;
  for (const auto& r : readers) total += r.count;
  int left = cap;
  Yen sum;
  struct Part {
    Yen amount, share;
    int k, n;
  };
  std::vector<Part> parts;
  for (const auto& r : readers) {
    int k = std::min(left, r.count);
    left -= k;
    Yen share{floor_div(r.amount.value * k, r.count)};
    auto& o = outcomes[r.index];
    o.readers_counted = k;
    o.counted = share;
    sum += share;
    if (k > 0) parts.push_back({r.amount, share, k, r.count});
  }
  std::vector<std::string> texts;
  for (const auto& p : parts) {
    if (p.k == p.n) {
      texts.push_back(yen_text(p.amount));
    } else {
      auto t = fmt::format("{} × {}台 ÷ {}台 = {}", yen_text(p.amount), p.k, p.n, yen_text(p.share));
      texts.push_back(parts.size() > 1 ? "（" + t + "）" : t);
    }
  }
  std::string formula;
  if (readers.empty()) {
    formula = "なし";
  } else {
    formula = total > cap ? fmt::format("{}台（限度 {}台、{}台は対象外）: ", total, cap, total - cap)
                          : fmt::format("{}台（限度 {}台）: ", total, cap);
    formula += join(texts, "＋");
    if (texts.size() > 1) formula += " = " + yen_text(sum);
  }
  if (total > cap) {
    findings.push_back({"KH21", Effect::Note, 0, "seed 000 §2 図2-2: カードリーダーの助成限度台数",
                        fmt::format("カードリーダー {}台のうち助成限度台数の {}台分を対象経費としました", total, cap),
                        fmt::format("{} card readers: the {} the class allows are counted", total, cap)});
  }
  return {"readers", "カードリーダーの購入経費", "card readers", formula, sum};
}

// The lines of one other item, added up.
Step sum_item(std::span<const ReceiptLine> lines, std::vector<LineOutcome>& outcomes, ItemKind kind, std::string code,
              std::string label_ja, std::string label_en) {
  Yen sum;
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    auto& o = outcomes[i];
    if (!o.eligible || o.reading.kind != kind) continue;
    o.counted = lines[i].amount;
    sum += lines[i].amount;
    parts.push_back(yen_text(lines[i].amount));
  }
  std::string formula = parts.empty() ? "なし" : join(parts, "＋");
  if (parts.size() > 1) formula += " = " + yen_text(sum);
  return {std::move(code), std::move(label_ja), std::move(label_en), formula, sum};
}

// Whether a read line counts under the scheme; the reason when it does not.
void judge_line(const Scheme& scheme, const ReceiptLine& line, int position, Date applied_on, LineOutcome& o,
                Findings& findings) {
  for (const auto& f : o.reading.findings) findings.push_back(f);
  if (line.work_day() > applied_on) {
    findings.push_back({"KH15", Effect::Return, position, "seed 003 4-1: 購入・設定を終えてから申請",
                        fmt::format("領収書{}の実施日 {} が申請日 {} より後です", line.receipt,
                                    day_text(line.work_day()), day_text(applied_on)),
                        fmt::format("receipt {}: the work day {} is after the application day {}", line.receipt,
                                    line.work_day().str(), applied_on.str())});
    return;
  }
  if (!o.reading.findings.empty() || !o.reading.kind) return;
  const auto* item = scheme.item(*o.reading.kind);
  if (!item) {
    findings.push_back({"KH16", Effect::Exclude, position, "seed 000 §2: 助成対象経費",
                        fmt::format("領収書{}の「{}」は{}（{}）の対象経費ではありません", line.receipt,
                                    escape_control(line.purpose), scheme.fiscal_year, enum_ja(scheme.program)),
                        fmt::format("receipt {}: \"{}\" is not an eligible item of {}", line.receipt,
                                    escape_control(line.purpose), scheme.id)});
    return;
  }
  if (!scheme.work_within(line.work_day())) {
    std::string period = scheme.work_from ? day_text(*scheme.work_from) + "以降" : "";
    if (scheme.work_to) period += day_text(*scheme.work_to) + "まで";
    findings.push_back({"KH20", Effect::Exclude, position,
                        "seed 004 §5-3: 令和8年度の助成金事業は令和8年4月1日以降に実施した事業が対象",
                        fmt::format("{}の助成は{}に実施した事業（購入・設定）が対象です（領収書{}の実施日 {}）",
                                    scheme.fiscal_year, period, line.receipt, day_text(line.work_day())),
                        fmt::format("{} covers work done within its period; receipt {} was done on {}", scheme.id,
                                    line.receipt, line.work_day().str())});
    return;
  }
  o.eligible = true;
}

std::string class_list(std::span<const ClassLimit* const> classes) {
  std::vector<std::string> parts;
  for (const auto* c : classes) parts.push_back(fmt::format("{} {}", c->name, yen_text(c->limit)));
  return join(parts, "＋");
}

}  // namespace

OfficeClasses office_classes(const Scheme& scheme, std::span<const std::string> services, const Schemes& schemes) {
  OfficeClasses out;
  for (const auto& type : services) {
    auto cls = schemes.service_class(type);
    const auto* limit = cls ? scheme.limit(*cls) : nullptr;
    if (!limit) {
      out.unknown_services.push_back(type);
      continue;
    }
    bool seen = std::find(out.classes.begin(), out.classes.end(), limit) != out.classes.end();
    if (scheme.limit_sum == LimitSum::ByService || !seen) out.classes.push_back(limit);
  }
  return out;
}

Computation compute(const Scheme& scheme, const Applicant& applicant, std::span<const ReceiptLine> lines,
                    Date applied_on, const Schemes& schemes) {
  Computation c;
  Findings line_findings;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int position = static_cast<int>(i) + 1;
    LineOutcome o;
    o.reading = read_line(lines[i], position, schemes, scheme.tax_percent);
    judge_line(scheme, lines[i], position, applied_on, o, line_findings);
    c.lines.push_back(std::move(o));
  }
  for (std::size_t i = 0; i < lines.size(); ++i)
    c.steps.push_back(line_step(lines[i], static_cast<int>(i) + 1, c.lines[i]));

  std::vector<const ClassLimit*> classes;
  if (applicant.program == Program::Office) {
    classes = office_classes(scheme, applicant.services, schemes).classes;
  } else if (const auto* l = scheme.medical_limit(applicant.facility, applicant.beds)) {
    classes.push_back(l);
  }
  const Rate rate = classes.empty() ? Rate{} : classes.front()->rate;  // one rate per scheme class family
  for (const auto* l : classes) {
    c.reader_cap += l->readers.value_or(0);
    c.limit += l->limit;
  }

  Findings notes;
  if (applicant.program == Program::Office) {
    c.steps.push_back(count_readers(lines, c.lines, c.reader_cap, notes));
    c.steps.push_back(
        sum_item(lines, c.lines, ItemKind::ConnectionSupport, "support", "接続サポート等経費", "connection support"));
    c.cost = c.steps[c.steps.size() - 2].amount + c.steps.back().amount;
    c.steps.push_back({"cost", "助成対象経費", "eligible cost",
                       fmt::format("{}＋{} = {}", yen_text(c.steps[c.steps.size() - 2].amount),
                                   yen_text(c.steps.back().amount), yen_text(c.cost)),
                       c.cost});
  } else {
    c.steps.push_back(sum_item(lines, c.lines, ItemKind::Modification, "modification",
                               "主治医意見書の電子的送信機能の追加経費", "electronic submission function"));
    c.cost = c.steps.back().amount;
    c.steps.push_back({"cost", "助成対象経費", "eligible cost", yen_text(c.cost), c.cost});
  }
  c.after_rate = Yen{floor_div(c.cost.value * rate.num, rate.den)};
  c.steps.push_back(
      {"rate", fmt::format("補助率 {}/{}", rate.num, rate.den), "rate",
       fmt::format("{} × {}/{} = {}（1円未満切捨て）", yen_text(c.cost), rate.num, rate.den, yen_text(c.after_rate)),
       c.after_rate});
  std::string limit_formula = class_list(classes);
  if (classes.size() > 1) limit_formula += " = " + yen_text(c.limit);
  if (applicant.program == Program::Medical) {
    limit_formula = fmt::format("{}（{}床）: {}", enum_ja(applicant.facility), applicant.beds, limit_formula);
  }
  c.steps.push_back({"limit", "助成限度額", "limit", limit_formula, c.limit});
  const Yen granted = std::min(c.after_rate, c.limit);
  if (c.after_rate > c.limit) {
    notes.push_back({"KH22", Effect::Note, 0, "seed 000 §2 図2-2: 助成限度額",
                     fmt::format("{}が助成限度額 {}を超えるため、限度額を交付額としました", yen_text(c.after_rate),
                                 yen_text(c.limit)),
                     fmt::format("{} yen exceeds the limit of {} yen: the limit is granted",
                                 grouped(c.after_rate.value), grouped(c.limit.value))});
  }
  c.findings = std::move(line_findings);
  for (auto& n : notes) c.findings.push_back(std::move(n));
  const bool returned =
      std::any_of(c.findings.begin(), c.findings.end(), [](const Finding& f) { return f.effect == Effect::Return; });
  c.outcome = returned ? Outcome::Returned : (granted > Yen{} ? Outcome::Granted : Outcome::Nothing);
  c.amount = c.outcome == Outcome::Granted ? granted : Yen{};
  c.steps.push_back({"amount", "交付額", "amount granted",
                     returned ? "返戻（理由は下記）"
                              : fmt::format("{}と助成限度額 {}の少ない方", yen_text(c.after_rate), yen_text(c.limit)),
                     c.amount});
  return c;
}

}  // namespace kaigo::portal
