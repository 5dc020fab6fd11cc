#include "kaigo/reception/reception.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kaigo/core/error_codes.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/reception/window.hpp"

namespace kaigo::reception {
namespace {

FileState state_of(std::optional<precheck::Level> worst) {
  if (!worst) return FileState::Accepted;
  switch (*worst) {
    case precheck::Level::Transmission:
      return FileState::TransmissionError;
    case precheck::Level::External:
      return FileState::ExternalError;
    case precheck::Level::Format:
      return FileState::FormatErrors;
  }
  return FileState::FormatErrors;
}

// A document an earlier file of the month already holds (the future ANN2 / ANN0, seed 002 §3(2):
// 「再作成ファイルの送信の前には、エラーが含まれたファイルの取消を必ず行ってください。行わない場合、重複エラーが発生します」).
precheck::ErrorRow resent_row(const std::string& file, const precheck::DocumentRef& d, const StoredDocument& earlier) {
  const bool plan = d.code == "8222";
  precheck::ErrorRow row;
  row.level = precheck::Level::Format;
  row.code = plan ? "ANN0" : "ANN2";
  row.file = file;
  row.form_kind = plan ? "給付" : "請求";
  row.service_month = d.service_month;
  row.service_type = d.service_types.size() == 1 ? d.service_types.front() : std::string();
  row.insurer_no = d.insurer_no;
  row.insured_no = d.insured_no;
  row.item_name = "様式番号";
  row.value = d.code;
  row.document_key = d.key;
  const auto* text = find_error_code(row.code);
  row.message_ja = fmt::format("{}（受付番号 {} の {} で受付済み。取消してから再送信してください）",
                               text ? text->title_ja : "重複", earlier.submission_id, earlier.file_name);
  row.message_en = fmt::format("{} (already received in submission {}, {}; cancel that file before sending again)",
                               text ? text->title_en : "duplicate", earlier.submission_id, earlier.file_name);
  return row;
}

precheck::ErrorRow outside_window(std::string_view file_name, const LocalDateTime& at, const ReceptionSettings& s) {
  precheck::ErrorRow row;
  row.level = precheck::Level::Transmission;
  row.code = std::string(code::kOutsideWindow);
  row.file = std::string(file_name);
  row.item_name = "受付日時";
  row.value = at.str();
  row.message_ja = fmt::format("受付期間外です（毎月1日 00:00〜{}日 {}）。次の受付期間に送信してください",
                               s.deadline_day, s.deadline_time.str());
  row.message_en =
      fmt::format("outside the reception window (the 1st 00:00 to the {}th {}); send it in the next window",
                  s.deadline_day, s.deadline_time.str());
  return row;
}

// The documents of this file that an earlier, not cancelled file of the month already holds.
std::vector<precheck::ErrorRow> resent_documents(Repository& repo, std::int64_t id, const precheck::FileResult& r,
                                                 YearMonth month) {
  std::vector<std::string> keys;
  for (const auto& d : r.documents) keys.push_back(d.key);
  std::vector<precheck::ErrorRow> rows;
  if (keys.empty()) return rows;
  auto found = repo.documents_in_review(month, keys, id);
  for (const auto& d : r.documents) {
    auto it = std::find_if(found.begin(), found.end(), [&](const StoredDocument& s) { return s.key == d.key; });
    if (it == found.end()) continue;
    rows.push_back(resent_row(r.file, d, *it));
  }
  return rows;
}

}  // namespace

Submission Reception::submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at) {
  auto month = processing_month_at(at, settings_);
  auto id = repo_.record_arrival(file_name, bytes, sha256_hex(bytes), at, month);
  finish(id, file_name, bytes, month, at);
  return *repo_.submission(id);
}

void Reception::finish(std::int64_t id, std::string_view file_name, std::string_view bytes,
                       std::optional<YearMonth> month, const LocalDateTime& at) {
  if (!month) {
    precheck::FileResult result;
    result.file = std::string(file_name);
    std::vector<precheck::ErrorRow> rows{outside_window(file_name, at, settings_)};
    repo_.record_outcome(id, result, rows, false, FileState::TransmissionError, at);
    return;
  }
  auto context = context_;
  context.processing_month = month;
  auto result = precheck::check_bytes(file_name, bytes, context);
  std::vector<precheck::ErrorRow> rows = result.errors;
  auto state = state_of(result.worst());
  if (state == FileState::Accepted || state == FileState::FormatErrors) {
    auto resent = resent_documents(repo_, id, result, *month);
    if (!resent.empty()) state = FileState::FormatErrors;
    rows.insert(rows.end(), resent.begin(), resent.end());
  }
  bool taken_in = state == FileState::Accepted || state == FileState::FormatErrors;
  repo_.record_outcome(id, result, rows, taken_in, state, at);
}

CancelResult Reception::cancel(std::int64_t id, const LocalDateTime& at) {
  auto s = repo_.submission(id);
  if (!s) {
    return {false, fmt::format("受付番号 {} のファイルはありません", id),
            fmt::format("no file with submission id {}", id)};
  }
  if (s->state == FileState::Sent) {
    return {false, "送信完了のファイルは審査が始まっているため取消できません",
            "the file is 送信完了: its review has started, so it cannot be cancelled"};
  }
  if (!can_move(s->state, FileState::Cancelled)) {
    return {
        false,
        fmt::format("状態が「{}」のファイルは取消できません（受付完了・様式エラー有のみ）", state_name(s->state)),
        fmt::format("a file in state {} cannot be cancelled (only 受付完了 and 様式エラー有)", state_code(s->state))};
  }
  if (!s->processing_month || !cancel_open(at, *s->processing_month, settings_)) {
    return {
        false,
        fmt::format("取消の受付は処理年月 {} の{}日 {} までです", s->processing_month ? s->processing_month->str() : "",
                    settings_.deadline_day, settings_.cancel_cutoff.str()),
        fmt::format("cancels for processing month {} close on the {}th at {}",
                    s->processing_month ? s->processing_month->str() : "", settings_.deadline_day,
                    settings_.cancel_cutoff.str())};
  }
  repo_.record_state(id, FileState::Cancelled, at, "取消 / cancelled by the sender");
  return {true, "", ""};
}

std::vector<std::int64_t> Reception::resume(const LocalDateTime& at) {
  auto ids = repo_.unfinished();
  for (auto id : ids) {
    auto s = repo_.submission(id);
    auto bytes = repo_.bytes(id);
    finish(id, s->file_name, bytes, s->processing_month, at);
  }
  return ids;
}

std::size_t Reception::start_review(YearMonth month, const LocalDateTime& at) {
  std::size_t n = 0;
  for (auto state : {FileState::Accepted, FileState::FormatErrors}) {
    for (auto id : repo_.submissions_in(month, state)) {
      repo_.record_state(id, FileState::Sent, at, "審査開始 / review started");
      ++n;
    }
  }
  return n;
}

}  // namespace kaigo::reception
