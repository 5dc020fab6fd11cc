// settlement/results — what one office is told about one review month, as values: the figures of
// each result notice (claims-format §7) already counted, summed and sorted, so that report only
// has to write them into records.
//   7211 / 7221 AdjustmentTable  審査決定増減表 (返戻, 査定増減, 保留, 保留復活, 請求差)
//   7311        CutLine          審査増減単位数通知書
//   7411 / 7421 ReturnLine       返戻（保留）一覧表
//   7513        OfficePayment    支払決定額通知書
//   7521 / 7541 BreakdownTable   支払決定額内訳書 (T1 合計, T2 過誤調整, T3 支払決定)
//   7611 / 7631 KagoTable        過誤決定通知書
//   7621        RereviewTable    再審査決定通知書
// Owns: these shapes. Must not: format (report does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/review/decision.hpp"
#include "kaigo/settlement/input.hpp"

namespace kaigo::settlement {

// 事業所 as the notices address it (事業所台帳).
struct OfficeInfo {
  std::string office_no;
  std::string name;         // 事業所名
  std::string postal_code;  // 郵便番号 (7 digits)
  std::string address;      // 住所
  std::string owner_name;   // 開設者氏名
  std::string bank_name;    // 金融機関名
  std::string bank_branch;  // 金融機関支店名
};

// ---- 7211 / 7221 介護保険審査決定増減表 -------------------------------------------------------

// 件数, 件数（特定入所者介護等, 内数）, 単位数, 特定入所者介護サービス費等 of one group.
struct Tally {
  std::int64_t count = 0;
  std::int64_t facility_count = 0;
  Units units;
  Yen facility;
  Tally& operator+=(const Tally& o);
  bool operator==(const Tally&) const = default;
};

// One D1: a 保険者 × サービス提供年月. 返戻, 保留 and 保留復活 count the units as claimed; 査定増減
// the change (≤ 0).
struct AdjustmentRow {
  std::string insurer_no;  // 8 digits
  YearMonth service_month;
  Tally returned, cut, held, released;
  bool operator==(const AdjustmentRow&) const = default;
};

// 請求差 (T1 3–6): what the 明細書 paid this month add up to minus what the 請求書 said (seed 002
// §5(1): 返戻・保留 −件数 −金額, 査定 −金額 only, 保留復活 +; anything else is an error of the 請求書).
struct ClaimDifference {
  std::int64_t count = 0;
  std::int64_t facility_count = 0;
  Yen amount;           // 介護給付費 (保険請求額 + 公費請求額)
  Yen facility_amount;  // 特定入所者介護サービス費等 (保険分 + 公費分)
  bool operator==(const ClaimDifference&) const = default;
};

// 審査決定増減表 (7211 / 7221).
struct AdjustmentTable {
  bool present = false;             // the office claimed in this program this month (or had a claim released)
  std::vector<AdjustmentRow> rows;  // by 保険者番号, then 提供年月
  AdjustmentRow total;              // T1 (insurer_no empty)
  ClaimDifference difference;
};

// ---- 7311 介護保険審査増減単位数通知書 ------------------------------------------------------

// One D1: one サービス項目 of a cut サービス種類; the last line of the 種類 carries the change.
struct CutLine {
  std::string claim_id;
  std::string insurer_no;  // 8 digits
  std::string insured_no;
  std::string name_kana;  // 被保険者カナ氏名 (受給者台帳)
  YearMonth service_month;
  std::string service_type;
  std::string item_code;  // サービス項目コード (the last 4 characters of the サービスコード)
  bool last = false;      // the line that carries the items below
  Units change;           // 増減単位数 (decided − claimed)
  review::CutReason reason = review::CutReason::None;  // 事由 A / B
  std::string content;                                 // 内容1: the reason in words
  Units decided_units;                                 // 確定単位数 (inside the 区分支給限度)
  Units claimed_units;                                 // 請求単位数 (inside the 区分支給限度)
};

// ---- 7411 / 7421 返戻（保留）一覧表 ---------------------------------------------------------

// One D1: one reason a 明細書 or 給付管理票 is returned or held.
struct ReturnLine {
  std::string doc_id;
  std::string payer_no;    // 保険者番号 (8 digits)
  std::string payer_name;  // 保険者名 (保険者台帳)
  std::string insured_no;
  std::string name_kana;
  std::string sheet;  // 種別: 請 明細書, サ サービス計画費, 給 給付管理票, ケ ケアマネジメント費
  YearMonth service_month;
  std::string service_type;
  Units units;            // 単位数 as claimed (給付管理票: 給付計画合計単位数)
  char reason = 0;        // 事由 A–E
  std::string content;    // 内容 「項目名：エラー内容」
  std::string remark;     // 備考: the error code, 保留 or 返戻
  std::string item_code;  // サービス項目コード等 (empty: the document as a whole)
};

// ---- 7521 / 7541 支払決定額内訳書 -----------------------------------------------------------

// 件数, 日数, 単位数, 金額 (費用額), 介護給付費 of one group.
struct Quantity {
  std::int64_t count = 0;
  std::int64_t days = 0;
  Units units;
  Yen cost;
  Yen benefit;
  Quantity& operator+=(const Quantity& o);
  Quantity& operator-=(const Quantity& o);
  bool operator==(const Quantity&) const = default;
};

struct QuantityPair {
  Quantity service;   // 介護サービス (総合事業)
  Quantity facility;  // 特定入所者介護サービス費等 (7541: 予備)
  QuantityPair& operator+=(const QuantityPair& o);
  QuantityPair& operator-=(const QuantityPair& o);
  bool operator==(const QuantityPair&) const = default;
};

// One D1: a payer (保険者, or 公費負担者 after them) × サービス提供年月 × サービス種類.
struct BreakdownRow {
  std::string payer_no;
  bool fund = false;
  YearMonth service_month;
  std::string service_type;
  std::string service_type_name;  // サービス種類名 (サービス種類 master)
  QuantityPair amounts;
};

// 支払決定額内訳書 (7521 / 7541).
struct BreakdownTable {
  std::vector<BreakdownRow> rows;
  QuantityPair total;       // T1 = Σ D1
  QuantityPair adjustment;  // T2 過誤調整 = 過誤 − 再審査 restored
  QuantityPair decided;     // T3 支払決定 = T1 − T2
  bool present() const { return !rows.empty() || adjustment != QuantityPair{}; }
};

// ---- 7611 / 7631 過誤決定通知書 -------------------------------------------------------------

// The columns a 過誤 line and a 再審査 line share: which 明細書, its payer, its person and its
// サービス種類 (one payer × サービス種類 of the 明細書).
struct ClaimPartColumns {
  std::string claim_id;
  std::string payer_no;    // 証記載保険者番号 (公費 lines: 公費負担者番号)
  std::string payer_name;  // 証記載保険者名
  bool fund = false;
  std::string insured_no;
  std::string name_kana;
  YearMonth service_month;
  std::string service_type;
  std::string service_type_name;
};

// One D1 of the 過誤決定通知書: one payer × サービス種類 of a withdrawn 明細書.
struct KagoLine : ClaimPartColumns {
  std::string kago_code;    // 過誤申立事由コード
  std::string reason_name;  // 過誤申立事由 (short name, kago_reasons.tsv)
  bool same_month = false;  // 同月過誤
  bool facility = false;
  std::int64_t units_or_cost = 0;  // 単位数 (特定入所者: 費用額)
  Yen benefit;                     // 保険者負担額 (公費負担額) withdrawn
};

// T1 of the 過誤決定通知書 (介護給付費 and 特定入所者介護サービス費等).
struct KagoTotals {
  std::int64_t count = 0;  // 件数: (明細書, payer) withdrawn
  Units units;
  Yen benefit;
  std::int64_t facility_count = 0;
  Yen facility_cost;
  Yen facility_benefit;
  bool operator==(const KagoTotals&) const = default;
};

// 過誤決定通知書 (7611 / 7631).
struct KagoTable {
  std::vector<KagoLine> lines;
  KagoTotals total;  // T1
};

// ---- 7621 再審査決定通知書 ------------------------------------------------------------------

// 再審査結果コード (claims-format §7.7).
enum class RereviewResult : std::uint8_t {
  AsBefore = 1,       // 01 原審どおり
  AllIncreased = 2,   // 02 全部増点
  AllDecreased = 3,   // 03 全部減点
  PartIncreased = 4,  // 04 一部増点
  PartDecreased = 5,  // 05 一部減点
};

// One D1 of the 再審査決定通知書: one payer × サービス種類 of a 明細書 decided again.
struct RereviewLine : ClaimPartColumns {
  std::string appeal_code;    // 再審査申立事由コード (none for a 給付管理票 修正)
  std::string appeal_reason;  // 再審査申立事由
  RereviewResult result = RereviewResult::AsBefore;
  Units claimed;          // 当初請求単位数
  Units original;         // 原審単位数
  Units requested;        // 申立単位数
  Units decided;          // 決定単位数
  Units adjusted;         // 調整単位数 = decided − original
  Yen requested_benefit;  // 保険者負担額 at the claimed units
  Yen decided_benefit;    // 保険者負担額 at the decided units
  Yen adjusted_benefit;   // 保険者負担額 paid now (decided − original)
};

// One group of the 再審査決定通知書 T1: 件数, 単位数, 保険者負担額 of 請求, 決定 or 調整.
struct RereviewGroup {
  std::int64_t count = 0;
  Units units;
  Yen benefit;
  bool operator==(const RereviewGroup&) const = default;
};

// 再審査決定通知書 (7621).
struct RereviewTable {
  std::vector<RereviewLine> lines;
  RereviewGroup requested, decided, adjusted;  // T1 請求, 決定, 調整
};

// What a 再審査申立 asked and on which サービス種類 (the 7621 prints only that 種類's lines).
struct AppealTerms {
  std::string code;          // 再審査申立事由コード
  std::string reason;        // 再審査申立事由 (short name)
  std::string service_type;  // サービス種類コード appealed
  Units requested;           // 申立単位数
};

// The new standing decision of a re-reviewed 明細書 (to be stored as its decision in this month).
struct RereviewOutcome {
  std::string plan_id;  // the 修正 (empty for a 再審査申立)
  std::string office_no;
  Program program = Program::Care;
  billing::ClaimStatement statement;  // the 明細書 decided again
  review::ClaimDecision before;       // the decision in force until now
  review::ClaimDecision after;        // the decision in force from this month
  std::optional<AppealTerms> appeal;  // 再審査申立 (71B2); nullopt for a 給付管理票 修正
};

// ---- 事業所別審査状況一覧表 (伝送事業所のみ; seed 001 §3, seed 002 §4(2)⑨) ----------------------
// No 交換情報識別番号 is known for it (claims-format §7 lists none): it is not an official file here.

// One 明細書 decided this month (one row per 利用者 and 提供年月 and 様式).
struct ReviewStatusLine {
  std::string claim_id;
  std::string insurer_no;  // 証記載保険者番号 (as written)
  std::string insured_no;
  std::string name_kana;  // 被保険者カナ氏名 (受給者台帳; empty when not held)
  YearMonth service_month;
  std::string form;  // 様式: 交換情報識別番号 of the 明細書
  review::ClaimOutcome outcome = review::ClaimOutcome::Paid;
  bool released = false;  // 保留復活
  Units written_units;    // 請求単位数 (保険 単位数合計, every 集計 row)
  Units decided_units;    // 決定単位数 (0 when held or returned)
  Yen written_claim;      // 請求額 (保険請求額 + 公費請求額, 特定入所者 included)
  Yen decided_claim;      // 決定額
  std::vector<std::string> codes;  // the reasons: error codes, 保留, 返戻, 増減A / 増減B — each once, in order
};

// ---- 介護職員処遇改善加算等総額のお知らせ / 内訳のお知らせ (seed 002 §4(2)⑧, §12 ②③) ------------------

// One サービス種類 (内訳) of the 処遇改善 加算 decided this month.
struct TreatmentBonusRow {
  std::string service_type;
  std::string service_type_name;
  std::string kind;        // 加算の区分 (treatment_bonus_items.tsv): 介護職員等処遇改善加算 …
  std::int64_t count = 0;  // 件数: 明細書 with such a line
  Units units;             // 加算の単位数
  Yen amount;              // 加算額 = Σ per 集計 row floor(units × 単位数単価)
  bool operator==(const TreatmentBonusRow&) const = default;
};

struct TreatmentBonusTable {
  std::vector<TreatmentBonusRow> rows;  // by サービス種類, then 区分
  std::int64_t count = 0;               // 明細書 with any 処遇改善 line
  Units units;
  Yen amount;  // 総額
  bool present() const { return !rows.empty(); }
};

// ---- 7513 支払決定額通知書 and the payment -----------------------------------------------------

// What one payer (保険者 or 公費負担者) owes the office for the month.
struct PayerPayment {
  Program program = Program::Care;
  std::string payer_no;
  bool fund = false;
  Yen decided;    // 介護給付費 of the 明細書 decided this month
  Yen withdrawn;  // 過誤
  Yen restored;   // 再審査 (a 減点 is negative)
  Yen net() const { return decided - withdrawn + restored; }
};

// 介護給付費支払額 or 総合事業費支払額 of an office, with how it arises.
struct ProgramPayment {
  Yen decided, withdrawn, restored;
  Yen net() const { return decided - withdrawn + restored; }  // 7521/7541 T3 介護給付費
};

// 支払決定 — what the office is paid (介護給付費等支払決定額通知書 7513).
struct OfficePayment {
  ProgramPayment care;    // 介護給付費支払額 (7513 item 11)
  ProgramPayment sougou;  // 総合事業費支払額 (7513 item 16)
  Yen certificate_fee;    // 電子証明書発行手数料（税込） (7513 item 17)
  Yen license_fee;        // ケアプランデータ連携システム ライセンス料 (no item of its own in 7513)
  Yen carried_in;         // shortfall of earlier months deducted now
  Yen total;              // 合計金額 = care + sougou − certificate_fee (7513 item 18)
  Yen net;                // total − license_fee − carried_in
  Yen transfer;           // 振込金額 (7513 item 10) = max(net, 0)
  Yen carried_out;        // −net when negative and carried (settings: negative = "carry")
  Yen billed;             // −net when negative and billed to the office (negative = "bill")
  std::vector<PayerPayment> payers;  // by program, 保険者 before 公費, number
  std::vector<FeeCharge> charges;    // the fees charged (the dropped ones are in notes)
  bool present() const;              // anything to notify
};

// A 明細書 withdrawn (過誤) by this month's settlement: it no longer stands in later months.
struct AppliedWithdrawal {
  std::string claim_id;
  std::string kago_code;
  bool same_month = false;
};

// Documents decided this month, for the summary.
struct OutcomeCounts {
  std::int64_t paid = 0, cut = 0, held = 0, returned = 0, released = 0;
  std::int64_t plans_registered = 0, plans_replaced = 0, plans_withdrawn = 0, plans_returned = 0;
  OutcomeCounts& operator+=(const OutcomeCounts& o);
  bool operator==(const OutcomeCounts&) const = default;
};

// Everything one office is told about the month (its 帳票) and paid.
struct OfficeResult {
  OfficeInfo office;
  AdjustmentTable care_adjustments;        // 7211
  AdjustmentTable sougou_adjustments;      // 7221
  std::vector<CutLine> cuts;               // 7311
  std::vector<ReturnLine> care_returns;    // 7411
  std::vector<ReturnLine> sougou_returns;  // 7421
  BreakdownTable care_breakdown;           // 7521
  BreakdownTable sougou_breakdown;         // 7541
  KagoTable care_kago;                     // 7611
  KagoTable sougou_kago;                   // 7631
  RereviewTable rereviews;                 // 7621
  OfficePayment payment;                   // 7513
  OutcomeCounts counts;
  std::vector<ReviewStatusLine> review_status;  // 審査状況一覧 (empty unless a 伝送事業所)
  TreatmentBonusTable treatment_bonus;          // 処遇改善加算等 総額・内訳
};

// One note about the input that settlement had to set aside (in Japanese and English).
struct SettlementNote {
  std::string office_no;
  std::string message_ja;
  std::string message_en;
};

// The month over every office (summary.json).
struct MonthTotals {
  std::int64_t offices = 0;
  OutcomeCounts counts;
  ProgramPayment care, sougou;
  Yen certificate_fee, license_fee, carried_in, total, transfer, carried_out, billed;
};

// 支払決定 of one review month (審査月) for every office.
struct MonthSettlement {
  YearMonth month;
  std::vector<OfficeResult> offices;  // by 事業所番号
  MonthTotals totals;
  std::vector<RereviewOutcome> rereviewed;   // by claim id
  std::vector<AppliedWithdrawal> withdrawn;  // by claim id
  std::vector<SettlementNote> notes;
};

}  // namespace kaigo::settlement
