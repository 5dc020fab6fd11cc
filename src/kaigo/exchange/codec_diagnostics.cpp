#include "kaigo/exchange/codec_diagnostics.hpp"

#include <array>

namespace kaigo::exchange {
namespace {

// Message templates; {0}, {1}, … are filled in by the reader (see reader.cpp for each issue's
// arguments).
constexpr std::array<CodecIssueText, 25> kTexts{{
    {"KC01", false, "Shift_JIS(CP932)として不正なバイトがあります（{0}桁目）{1}",
     "invalid CP932 (Shift_JIS) byte at column {0}{2}"},
    {"KC02", false, "1行が長すぎます（{0}バイト超）。改行が欠けている可能性があります",
     "line longer than {0} bytes; a line break may be missing"},
    {"KC03", false, "引用符（\"）の使い方が不正です", "misplaced double quote"},
    {"KC04", false, "項目数が不正です（{0}項目、正しくは{1}項目）", "wrong number of items ({0}, expected {1})"},
    {"KC05", false, "レコード種別が不正です（1 コントロール、2 データ、3 エンドのいずれか）",
     "record type must be 1 (control), 2 (data) or 3 (end)"},
    {"KC06", false, "交換情報識別番号が不明です", "unknown 交換情報識別番号 (exchange code)"},
    {"KC07", false, "この交換情報識別番号に対して不明なレコード種別コードです",
     "record kind not defined for this exchange code"},
    {"ABB0", false, "必須項目が未設定です", "required item is empty"},
    {"KC08", false, "数字項目に数字以外の文字があります", "numeric item contains a non-digit"},
    {"KC09", false, "{0}項目に使えない文字があります（{1}桁目）", "{2} item contains a character not allowed (column {1})"},
    {"KC10", false, "漢字（全角）項目に半角文字があります（{0}桁目）", "full-width item contains a half-width character (column {0})"},
    {"KC11", false, "桁数が多すぎます（{0}、最大{1}）", "too long ({0}, at most {1})"},
    {"KC12", false, "この項目に負の値は使えません", "negative value not allowed in this item"},
    {"KC13", false, "日付が不正です（{0}）", "invalid date ({0})"},
    {"KC14", false, "レコード番号が連番になっていません（{0}のはずです）", "record number out of sequence (expected {0})"},
    {"KC15", false, "コントロールレコードが先頭にありません", "the file does not start with a control record"},
    {"KC16", false, "データ種別が先頭のデータレコード（{0}）と一致しません（正しくは{1}）",
     "data type does not match the first data record ({0}; expected {1})"},
    {"KC17", false, "レコード件数がデータレコードの数（{0}）と一致しません",
     "record count does not match the number of data records ({0})"},
    {"KC18", false, "エンドレコードがありません。ファイルが途中で切れている可能性があります",
     "no end record: the file appears to be truncated"},
    {"KC19", false, "エンドレコードの後にレコードがあります", "records after the end record"},
    {"KC20", true, "最終行に改行がありません", "the last line has no line break"},
    {"KC21", true, "空行があります（読み飛ばしました）", "empty line (skipped)"},
    {"KC22", false, "値は{0}でなければなりません", "value must be {0}"},
    {"KC23", false, "ファイルが空です", "the file is empty"},
    {"KC24", false, "同じ明細書（同じキー）が2回以上記録されています（{0}回目の基本情報レコード）",
     "the same statement (same key) appears more than once (basic record no. {0})"},
}};

}  // namespace

const CodecIssueText& issue_text(CodecIssue issue) { return kTexts[static_cast<std::size_t>(issue)]; }

}  // namespace kaigo::exchange
