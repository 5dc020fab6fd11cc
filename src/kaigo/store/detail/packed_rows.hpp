// store/packed_rows — the 集計 rows of one decided 明細書 and its 特定入所者 amounts, packed into the
// one BLOB `claim_decisions.rows` (issue 19: one compact row per 明細書, not a B-tree row per 集計
// row). Format (version 1): a version byte, then per row: サービス種類 and last サービス項目コード
// (a length byte and the bytes each), the 査定 事由 code (kCutReasons: a length byte and the bytes),
// a flag byte (1: 給付計画単位数 follows), then the plan units when flagged and the written and the
// decided amounts (6 each) as zigzag varints. Row kind 0 (the first byte of a row) is the
// 特定入所者 amounts, kind 1 a 集計 row.
// Owns: the format. Must not: run SQL.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/review/decision.hpp"

namespace kaigo::store {

std::string pack_rows(const review::ClaimDecision& d);

// Sets d.rows, d.facility_written and d.facility_decided from `blob`; an empty blob is no rows.
// Throws StoreError naming what is wrong when the blob is not in this format.
void unpack_rows(std::string_view blob, review::ClaimDecision& d);

}  // namespace kaigo::store
