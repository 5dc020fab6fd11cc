// settlement/tables — the figures of each result notice for one office and one program, from the
// office's part of the month (office_month):
//   adjustment_table  7211 / 7221 審査決定増減表 (seed 002 §5(1), claims-format §7.1)
//   cut_lines         7311 審査増減単位数通知書 (seed 002 §5(2), §7.2)
//   return_lines      7411 / 7421 返戻（保留）一覧表 (seed 002 §5(3), §7.3)
//   breakdown_table   7521 / 7541 支払決定額内訳書 (§7.5)
//   kago_table        7611 / 7631 過誤決定通知書 (seed 002 §7, §7.6)
//   rereview_table    7621 再審査決定通知書 (seed 002 §5(2), §7.7)
//   review_status     事業所別審査状況一覧表 (伝送事業所のみ; seed 001 §3)
//   treatment_bonus   処遇改善加算等 総額・内訳のお知らせ (seed 002 §4(2)⑧)
// Every list is sorted explicitly, so the same month gives the same notices byte for byte.
// Owns: counting, summing and ordering. Must not: decide (review did) or format (report does).
#pragma once
#include <vector>

#include "kaigo/settlement/detail/names.hpp"
#include "kaigo/settlement/office_month.hpp"

namespace kaigo::settlement {

AdjustmentTable adjustment_table(const OfficeMonth& om, Program program);
std::vector<CutLine> cut_lines(const OfficeMonth& om, const Names& names);
std::vector<ReturnLine> return_lines(const OfficeMonth& om, Program program, const Names& names);
BreakdownTable breakdown_table(const OfficeMonth& om, Program program, const Names& names);
KagoTable kago_table(const OfficeMonth& om, Program program, const Names& names);
RereviewTable rereview_table(const OfficeMonth& om, const Names& names);
// Empty unless om.internet.
std::vector<ReviewStatusLine> review_status(const OfficeMonth& om, const Names& names);
TreatmentBonusTable treatment_bonus(const OfficeMonth& om, const Names& names);

}  // namespace kaigo::settlement
