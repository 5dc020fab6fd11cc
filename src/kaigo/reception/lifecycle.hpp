// reception/lifecycle — the states a received file goes through (seed 002 §3(1) table) and the
// moves between them: 連合会到達 → 受付中 → 伝送エラー | 外部エラー | 様式エラー有 | 受付完了;
// 受付完了 / 様式エラー有 → 送信完了 (the month's review starts) or → 取消完了 (cancelled).
// Owns: the state names and which move is allowed. Must not: know storage or checks.
#pragma once
#include <optional>
#include <string_view>

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {

// 状態 of a received file as the sender sees it.
enum class FileState {
  Arrived,            // 連合会到達
  Receiving,          // 受付中
  TransmissionError,  // 伝送エラー — not taken in (not a claim file, unreadable, outside the window)
  ExternalError,      // 外部エラー — taken in but refused: the control record or file name is wrong
  FormatErrors,       // 様式エラー有 — accepted; some documents have pre-check errors
  Accepted,           // 受付完了 — accepted, clean
  Sent,               // 送信完了 — the month's review has started; no cancel any more
  Cancelled,          // 取消完了 — withdrawn by the sender; out of the review
};
inline constexpr EnumTable<FileState, 8> kFileStates{{{
#include "kaigo/reception/file_state.enum.inc"
}}};
constexpr const auto& enum_table(FileState) { return kFileStates; }

// Whether `from` → `to` is a move of the table.
bool can_move(FileState from, FileState to);

// States whose documents go to the review (and count for duplicate detection).
constexpr bool is_in_review(FileState s) {
  return s == FileState::FormatErrors || s == FileState::Accepted || s == FileState::Sent;
}

}  // namespace kaigo::reception
