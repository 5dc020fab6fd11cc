// gen/generator — a deterministic synthetic month for a whole 国保連 (DESIGN §3.1 `kaigo gen`):
// offices of many service types, insurers, recipients across care levels, 給付管理票 that cover
// the claims, claims whose amounts come from the billing calculator, and — with an error rate — a
// known share of typical mistakes, listed in expected_errors.csv; and the month's care-plan files
// (ケアプランデータ連携 予定 and 実績, DIR/careplan/<事業所番号>/) consistent with them.
// Owns: the synthetic world and its files. Everything about a recipient is derived from its index
// and the seed, so no part of the month is held in memory beyond one office's file.
// Must not: be used for anything but tests, demos and benchmarks.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/master/masters.hpp"

namespace kaigo::gen {

struct Options {
  std::filesystem::path out;
  YearMonth processing_month;  // 処理年月 (審査月); the services are of the month before
  int offices = 100;
  int recipients = 2000;
  std::uint64_t seed = 1;
  double error_rate = 0.0;  // share of recipients given one typical mistake
  // Draw the mistakes from every kind, the ones added since the first seven included, and write the
  // offices' 再審査申立 of the 増減 B cuts for the next month (rereview.csv), the 公費受給者台帳 of
  // the 生活保護 recipients (kohi.csv) and 訪問看護 users on the 月額 定期巡回連携型 whose contract
  // starts or ends mid-month (日割り, seed 002 §9), and 要支援 people at 総合事業 offices priced by
  // each municipality's own service-code master (sougou.csv, seed 002 §11) (kaigo gen
  // --all-mistakes). Off, a month is the same bytes as before those kinds existed.
  bool all_mistakes = false;
  // Write the month's ケアプランデータ連携 files (DIR/careplan/); off for the national month, whose
  // care-plan files alone would take ~48 GB (kaigo gen --no-careplan, make bench-national).
  bool careplan_files = true;
};

// The typical mistakes `--errors` injects (one per affected recipient).
enum class Mistake {
  None,
  MissingPlan,       // no 給付管理票: the claims are held (保留)
  PlanExceeded,      // the 給付管理票 plans fewer units than one claim (増減 事由 B)
  WrongRate,         // one claim written with a 給付率 the ledger does not have (12SA)
  Duplicate,         // one claim sent twice in the same file (ANN2)
  ChangePending,     // the recipient's 区分変更 is undecided in the ledger (12PA)
  UnknownRecipient,  // the recipient is not in the 受給者台帳 (12P0)
  BadField,          // a non-numeric value in a numeric item (KC08)
  // Added since (drawn only with Options::all_mistakes):
  MissingRemark,     // 福祉用具貸与 without its 摘要 (the TAIS or 届出 code): returned with 14QR
  UnknownFund,       // a 生活保護 recipient's 明細書 name a 公費受給者番号 the 公費受給者台帳 (kohi.csv) has not: 13PS
  DailyRate,         // 定期巡回連携型 訪問看護 begun mid-month (開始年月日) claimed with the 月額 code, not 日割り: AEFJ
  UnknownSougouCode, // a 総合事業 明細書 with a サービスコード its municipality's own master (sougou.csv) lacks: KP27
};
inline constexpr int kMistakeKinds = 7;      // the first seven
inline constexpr int kAllMistakeKinds = 11;  // with the ones added since
// As written in expected_errors.csv.
inline constexpr EnumTable<Mistake, 12> kMistakes{{{
#include "kaigo/gen/generator_mistake.enum.inc"
}}};
constexpr const auto& enum_table(Mistake) { return kMistakes; }

struct Report {
  int offices = 0;
  int insurers = 0;
  int recipients = 0;  // in the ledger (unknown recipients excluded)
  int claim_files = 0;
  int plan_files = 0;
  int careplan_files = 0;       // ケアプランデータ連携 予定 (UPPLAN) and 実績 (UPJSK) files (DIR/careplan)
  std::int64_t statements = 0;  // 明細書 written (様式第二/第三 and 第七)
  std::int64_t plans = 0;       // 給付管理票 written
  std::int64_t bytes = 0;
  std::map<std::string, int> mistakes;  // per mistake name: affected documents
  int appeals = 0;                       // 再審査申立 written to rereview.csv (with all_mistakes)
  std::int64_t sougou_statements = 0;    // 総合事業 明細書 (様式第二の三, 71R1; with all_mistakes)
  int sougou_codes = 0;                  // rows of sougou.csv (with all_mistakes)
};

// Writes the month into options.out; throws std::runtime_error on I/O failure.
Report generate(const Options& options, const master::Masters& masters);

}  // namespace kaigo::gen
