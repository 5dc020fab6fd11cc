// Review stories: the small world of one scenario — its ledgers, its service codes, the documents
// sent in each review month — told in the words of the domain, and the review run month after
// month with the history carried over as the store would carry it.
//
//   Story s;
//   s.office(kOfficeA, "11");
//   s.person("0000000001").level = "21";
//   s.code("11", "9001", "訪問介護○○○", 90);
//   auto plan  = s.plan("P1", "0000000001", {2026, 3}, {{kOfficeA, "11", 200}});
//   auto claim = s.claim("A1", kOfficeA, "0000000001", {2026, 3}, {{"11", "9001"}});
//   auto month = s.review({2026, 4}, {plan}, {claim});
//   EXPECT_EQ(rows(month.claim("A1")), ...);
#pragma once
#include <map>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/master/public_funds.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::testing {

inline constexpr const char* kInsurer = "300000";         // 保険者番号 of the stories (seed 002's)
inline constexpr const char* kSupportOffice = "3070000099";  // 居宅介護支援事業所 of every person

// One version of a person in the 受給者台帳 (recipients.csv), with the defaults of a plain case:
// 要介護1, 1割負担, certified 2020–2030, plan by kSupportOffice.
struct Person {
  std::string insurer = kInsurer;
  std::string insured;
  std::string kana = "ｶｲｺﾞ ﾀﾛｳ";  // 被保険者カナ氏名 (seed 002's notices)
  std::string birth = "19400101";
  int sex = 1;
  std::string level = "21";
  std::string cert_from = "20200101";
  std::string cert_to = "20301231";
  bool change_pending = false;
  std::optional<int> rate = 90;
  std::optional<int> limit_units;  // empty = the standard one of the level
  int plan_kind = 1;
  std::string support_office = kSupportOffice;
  bool registered = true;  // false: not in the 受給者台帳 at all (12P0)
  // A 区分変更: from this day (YYYYMMDD) the ledger has a second version with `new_level`.
  std::string changed_on;
  std::string new_level;
  // 特定入所者 負担限度額認定 段階 (1, 2, 3a, 3b; "" = no 認定); once any person has one set, the
  // story's recipients.csv has the burden_stage column.
  std::optional<std::string> burden_stage;
};

// One version of a 公費 in the 公費受給者台帳 (kohi.csv): 公費負担者番号 (8, 法別番号 first), 公費受給者番号 (7).
struct Fund {
  std::string payer;
  std::string recipient;
  std::string insured;
  int rate = 100;
  std::int64_t self_pay = 0;  // 公費本人負担額 (per month)
  std::string from = "20000401";
  std::string to;

  static Fund of(std::string payer, std::string recipient, std::string insured) {
    Fund f;
    f.payer = std::move(payer);
    f.recipient = std::move(recipient);
    f.insured = std::move(insured);
    return f;
  }
};

// A 公費 slot as the provider writes it: the numbers, and the 公費給付率 (nullopt: the ledger's).
struct FundSlip {
  std::string payer;
  std::string recipient;
  std::optional<int> rate;
};

// One 特定入所者 line (record 11) as the provider writes it: サービス項目コード, 日数, 費用単価, 負担限度額.
struct FacilityUse {
  std::string item;
  int days = 0;
  std::int64_t unit_cost = 0;
  std::int64_t burden_limit = 0;
};

// One 明細 line: サービス種類, サービス項目コード, 回数.
struct Use {
  std::string type;
  std::string item;
  int count = 1;
};

// One code of a municipality's own 総合事業 master (`kaigo load … sougou`, master/sougou).
struct SougouCodeRow {
  std::string insurer = "300000";
  std::string type;
  std::string item;
  std::string name;
  std::int64_t units = 0;
  int unit_kind = 1;                     // 算定単位 1 回, 2 日, 3 月
  std::optional<int> benefit_rate;       // 給付率 (定率)
  std::optional<std::int64_t> burden;    // 利用者負担額 (定額)
  std::optional<std::int64_t> unit_price;  // 単位数単価 ×100
  std::string from = "201504";
  std::string to = "999999";
};

// What the provider writes differently from a correct claim: wrote().rate(80).level("22").
struct ClaimSlip {
  std::optional<int> rate_;                     // 保険給付率 written and computed with
  std::optional<std::int64_t> insurance_claim_;  // 保険請求額 overwritten (基本 and the first 集計 row)
  std::optional<std::string> level_;            // 要介護状態区分 written
  std::optional<std::string> birth_;            // 生年月日 written
  std::optional<std::string> insurer_;          // 証記載保険者番号 written (e.g. the 8-digit form)
  std::optional<std::string> start_;            // 開始年月日 (YYYYMMDD)
  std::optional<std::string> end_;              // 中止年月日 (YYYYMMDD)
  // 摘要 of the lines, in order; a line without one here: the seed's example TAIS code 00000-111111
  // on a 福祉用具貸与 line (17, 67), nothing on others.
  std::vector<std::string> remarks_;
  // 単位数 written per line (in order; nullopt = the master's): for a code the master lacks.
  std::vector<std::optional<std::int64_t>> units_;
  // 施設所在保険者番号 per line (in order; empty = a 02 line): 住所地特例 lines (record 14).
  std::vector<std::string> facility_insurers_;
  // 公費1–3 in slot order; every line is 公費対象 in full.
  std::vector<FundSlip> funds_;
  std::vector<FacilityUse> facility_;  // 特定入所者 lines, in order

  ClaimSlip& rate(int v) { rate_ = v; return *this; }
  ClaimSlip& insurance_claim(std::int64_t v) { insurance_claim_ = v; return *this; }
  ClaimSlip& level(std::string v) { level_ = std::move(v); return *this; }
  ClaimSlip& birth(std::string v) { birth_ = std::move(v); return *this; }
  ClaimSlip& insurer(std::string v) { insurer_ = std::move(v); return *this; }
  ClaimSlip& started(std::string v) { start_ = std::move(v); return *this; }
  ClaimSlip& ended(std::string v) { end_ = std::move(v); return *this; }
  ClaimSlip& remarks(std::vector<std::string> v) { remarks_ = std::move(v); return *this; }
  ClaimSlip& units(std::vector<std::optional<std::int64_t>> v) { units_ = std::move(v); return *this; }
  ClaimSlip& facility_insurers(std::vector<std::string> v) { facility_insurers_ = std::move(v); return *this; }
  ClaimSlip& fund(FundSlip v) { funds_.push_back(std::move(v)); return *this; }
  ClaimSlip& facility(FacilityUse v) { facility_.push_back(std::move(v)); return *this; }
};
inline ClaimSlip wrote() { return {}; }

// One 給付管理票 line: サービス事業所, サービス種類, 給付計画単位数.
struct PlanLine {
  std::string office;
  std::string type;
  std::int64_t units = 0;
};

struct Month {
  review::MonthOutcome outcome;
  const review::ClaimDecision& claim(const std::string& id) const;
  const review::PlanDecision& plan(const std::string& id) const;
};

class Story {
 public:
  Story();
  review::Config config = review::default_config();

  // ---- 台帳 and master
  void office(std::string office_no, std::string service_type, int region_class = 0);
  Person& person(const std::string& insured_no);  // created with the defaults on first use
  void code(std::string type, std::string item, std::string name, std::int64_t units, bool limit_target = true);
  void sougou_code(SougouCodeRow row);
  // A 公費 recipient; once one is added, the story has a 公費受給者台帳 (else none is loaded).
  void fund(Fund f);
  bool has_funds() const { return !funds_.empty(); }

  // ---- documents (acceptance order = creation order)
  review::SubmittedClaim claim(std::string id, const std::string& office_no, const std::string& insured_no,
                               YearMonth service_month, const std::vector<Use>& uses, const ClaimSlip& slip = {});
  // 様式第七 居宅介護支援費 of the person's support office (1 line of the given code).
  review::SubmittedClaim care_plan_fee(std::string id, const std::string& insured_no, YearMonth service_month,
                                       const std::string& item);
  review::SubmittedPlan plan(std::string id, const std::string& insured_no, YearMonth service_month,
                             const std::vector<PlanLine>& lines, int create_kind = 1);

  // ---- history the store would keep
  void decided_earlier(std::string id, const review::SubmittedClaim& claim, YearMonth review_month,
                       std::vector<std::string> zero_assessed_types = {});
  void withdrawn_this_month(const review::SubmittedClaim& claim, bool same_month);

  // ---- one review month; the outcome is carried into the history of the next
  Month review(YearMonth month, std::vector<review::SubmittedPlan> plans, std::vector<review::SubmittedClaim> claims);

  const master::Masters& masters();
  // The ledgers and masters of the story with its review config (settlement needs them too).
  review::ReviewContext context();

  // ---- the story's files as `kaigo load` takes them (DESIGN §3.2)
  std::string offices_csv() const;
  std::string insurers_csv() const;
  std::string recipients_csv() const;
  std::string services_csv() const;  // the bundled codes and the story's
  std::string sougou_csv() const;    // the municipal 総合事業 codes (no header, 19 items); empty when none
  std::string kohi_csv() const;      // the 公費受給者台帳 (docs/masters.md)

  // 様式第七 as the support office writes it (care_plan_fee gives it as a 明細書).
  documents::CarePlanFeeStatement care_plan_fee_statement(const std::string& insured_no, YearMonth service_month,
                                                          const std::string& item);

 private:
  void load();
  int fund_rate(const std::string& payer, const std::string& recipient) const;  // the ledger's, else 100
  void carry_over(YearMonth month, const review::ReviewInput& input, const review::MonthOutcome& out);

  std::vector<std::string> office_rows_, code_rows_, sougou_rows_;
  std::map<std::string, Person> people_;
  std::vector<Fund> funds_;
  std::uint64_t next_order_ = 1;
  review::History history_;
  bool loaded_ = false;
  master::Masters masters_;
  master::OfficeLedger offices_;
  master::InsurerLedger insurers_;
  master::RecipientLedger recipients_;
  std::optional<master::FundRecipientLedger> fund_ledger_;
};

// Each finding as one line: 備考 | 事由 | サービス種類 | 内容 | found | expected.
std::vector<std::string> rows(const std::vector<review::Finding>& findings);
inline std::vector<std::string> rows(const review::ClaimDecision& d) { return rows(d.findings); }
inline std::vector<std::string> rows(const review::PlanDecision& d) { return rows(d.findings); }

// A 明細書 paid as written: no finding, and `units` decided.
void expect_paid(const review::ClaimDecision& d, std::int64_t units);
// A 明細書 returned (返戻): nothing decided, `written_units` as written, and exactly these rows().
void expect_returned(const review::ClaimDecision& d, std::int64_t written_units,
                     const std::vector<std::string>& expected_rows);

}  // namespace kaigo::testing

// Readable outcomes in test failures.
namespace kaigo::review {
inline void PrintTo(ClaimOutcome o, std::ostream* os) { *os << enum_ja(o); }
inline void PrintTo(PlanOutcome o, std::ostream* os) { *os << enum_ja(o); }
inline void PrintTo(CutReason r, std::ostream* os) { *os << (r == CutReason::None ? '-' : static_cast<char>(r)); }
}  // namespace kaigo::review
