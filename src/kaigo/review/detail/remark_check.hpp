// review/remark_check — the 摘要 a 明細 line must carry (seed 002 §8, 記載要領 別表１ and 別記): which
// サービスコード need it and in what form is data (detail/remark_rules.tsv). A line whose 摘要 is
// empty or not in its form returns the 明細書 with 14QR, naming the item and the value written.
// Forms: product_code — the ＴＡＩＳコード or 福祉用具届出コード of 福祉用具貸与, 企業コード (5) 「-」
// 商品コード (6), half-width digits and upper-case letters (例 00000-111111, 00000-Z33333).
// Not checked yet: the サテライト 略称 (ST), which needs the office ledger to say which offices are
// サテライト事業所; the ADL値 of 通所介護, which ended on 2023-03-31.
// Owns: the table and the forms. Must not: decide the outcome (any finding returns the 明細書).
#pragma once
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// Whether `text` is a TAIS or 届出 code as seed 002 §8 (別記) writes it.
bool is_product_code(std::string_view text);

// 14QR for each line of `st` whose required 摘要 is missing or malformed.
void check_remarks(const billing::ClaimStatement& st, std::vector<Finding>& out);

}  // namespace kaigo::review
