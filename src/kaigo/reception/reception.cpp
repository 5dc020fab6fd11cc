#include "kaigo/reception/reception.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>

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

precheck::ErrorRow refusal_row(std::string_view code, std::string_view file_name, std::string_view item,
                               std::string value, std::string message_ja, std::string message_en) {
  precheck::ErrorRow row;
  row.level = precheck::Level::Transmission;
  row.code = std::string(code);
  row.file = std::string(file_name);
  row.item_name = std::string(item);
  row.value = std::move(value);
  row.message_ja = std::move(message_ja);
  row.message_en = std::move(message_en);
  return row;
}

// The documents of this file that an earlier, not cancelled file of the month already holds.
// Called inside the step that stores the outcome, so two copies of one file received at the same
// time are one 受付完了 and one ANN2, whichever finishes first.
std::vector<precheck::ErrorRow> resent_documents(Repository& repo, std::int64_t id, const precheck::FileResult& r,
                                                 YearMonth month) {
  std::vector<exchange::DocumentKey> keys;
  for (const auto& d : r.documents) keys.push_back(d.key);
  std::vector<precheck::ErrorRow> rows;
  if (keys.empty()) return rows;
  auto found = repo.documents_in_review(month, keys, id);
  std::unordered_map<exchange::DocumentKey, const StoredDocument*, exchange::DocumentKeyHash> by_key;
  for (const auto& f : found) by_key.emplace(f.key, &f);
  for (const auto& d : r.documents) {
    auto it = by_key.find(d.key);
    if (it == by_key.end()) continue;
    rows.push_back(resent_row(r.file, d, *it->second));
  }
  return rows;
}

MonthStep refused(std::string ja, std::string en) { return {false, std::move(ja), std::move(en), 0, false}; }

}  // namespace

Submission Reception::submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at,
                             std::string_view sender, std::string_view key) {
  auto month = processing_month_at(at, settings_);
  const auto sha = sha256_hex(bytes);
  std::int64_t id = 0;
  std::optional<std::int64_t> replay;
  std::optional<std::pair<std::string, std::string>> closed;
  repo_.atomically_unsynced([&] {
    if (!key.empty() && (replay = repo_.submission_with_key(sender, key))) return;
    if (month) closed = closed_reason(*month);
    id = repo_.record_arrival(file_name, bytes, sha, at, month, repo_.owner(), sender, key);
  });
  if (replay) return *repo_.submission(*replay);
  if (closed) {
    repo_.atomically([&] { refuse_closed(id, file_name, *month, std::move(*closed), at); });
  } else if (!month) {
    repo_.atomically([&] { refuse_outside_window(id, file_name, at); });
  } else {
    // The pre-check is the long part: it runs outside any transaction.
    finish(id, file_name, precheck(file_name, bytes, *month), *month, at);
  }
  return *repo_.submission(id);
}

CheckedFile Reception::check(std::string file_name, std::string bytes, const LocalDateTime& at,
                             std::string_view sender) {
  CheckedFile file{std::move(file_name), std::move(bytes), at, std::string(sender), processing_month_at(at, settings_), {}};
  if (file.month) file.result = precheck(file.file_name, file.bytes, *file.month);
  return file;
}

Submission Reception::store(const CheckedFile& f) {
  std::int64_t id = 0;
  repo_.atomically([&] {
    auto closed = f.month ? closed_reason(*f.month) : std::nullopt;
    // The digest here, on the storing thread (month::ReceiptGroup): the checking thread is the
    // receipt's critical path.
    id = repo_.record_arrival(f.file_name, f.bytes, sha256_hex(f.bytes), f.at, f.month, repo_.owner(), f.sender);
    if (closed) {
      refuse_closed(id, f.file_name, *f.month, std::move(*closed), f.at);
    } else if (!f.month) {
      refuse_outside_window(id, f.file_name, f.at);
    } else {
      record_checked(id, f.result, *f.month, f.at);
    }
  });
  return *repo_.submission(id);
}

void Reception::refuse_closed(std::int64_t id, std::string_view file_name, YearMonth month,
                              std::pair<std::string, std::string> closed, const LocalDateTime& at) {
  precheck::FileResult result;
  result.file = std::string(file_name);
  std::vector<precheck::ErrorRow> rows{refusal_row(code::kMonthClosed, file_name, "処理年月", month.str(),
                                                   std::move(closed.first), std::move(closed.second))};
  repo_.record_outcome(id, result, rows, false, FileState::TransmissionError, at);
}

void Reception::refuse_outside_window(std::int64_t id, std::string_view file_name, const LocalDateTime& at) {
  precheck::FileResult result;
  result.file = std::string(file_name);
  std::vector<precheck::ErrorRow> rows{outside_window(file_name, at, settings_)};
  repo_.record_outcome(id, result, rows, false, FileState::TransmissionError, at);
}

std::optional<std::pair<std::string, std::string>> Reception::closed_reason(YearMonth month) {
  auto record = repo_.month(month);
  if (record.state != MonthState::Open) {
    return std::pair{fmt::format("処理年月 {} は締め切られています（{}）。次の受付期間に送信してください", month.str(),
                                 enum_ja(record.state)),
                     fmt::format("processing month {} is closed ({}); send it in the next window", month.str(),
                                 enum_code(record.state))};
  }
  if (auto later = repo_.later_month_not_open(month)) {
    return std::pair{fmt::format("後の処理年月 {} が締め切られているため、処理年月 {} は受け付けられません",
                                 later->month.str(), month.str()),
                     fmt::format("a later processing month ({}) is already closed, so {} no longer takes files",
                                 later->month.str(), month.str())};
  }
  return std::nullopt;
}

precheck::FileResult Reception::precheck(std::string_view file_name, std::string_view bytes, YearMonth month) const {
  auto context = context_;
  context.processing_month = month;
  return precheck::check_bytes(file_name, bytes, context);
}

void Reception::finish(std::int64_t id, std::string_view file_name, const precheck::FileResult& result,
                       YearMonth month, const LocalDateTime& at) {
  const auto me = repo_.owner();
  repo_.atomically([&] {
    auto now = repo_.submission(id);
    // Another process recovered the file as interrupted: it was never ours to finish.
    if (!now || now->state != FileState::Receiving || repo_.in_flight_owner(id) != me) return;
    if (auto closed = closed_reason(month)) {
      refuse_closed(id, file_name, month,
                    {"受付処理中に処理年月が締め切られたため、受け付けられませんでした。次の受付期間に送信してください（" +
                         closed->first + "）",
                     "the processing month closed while the file was being received; it was not taken in — send it "
                     "in the next window (" +
                         closed->second + ")"},
                    at);
      return;
    }
    record_checked(id, result, month, at);
  });
}

void Reception::record_checked(std::int64_t id, const precheck::FileResult& result, YearMonth month,
                               const LocalDateTime& at) {
  std::vector<precheck::ErrorRow> rows = result.errors;
  auto state = state_of(result.worst());
  if (state == FileState::Accepted || state == FileState::FormatErrors) {
    auto resent = resent_documents(repo_, id, result, month);
    if (!resent.empty()) state = FileState::FormatErrors;
    rows.insert(rows.end(), resent.begin(), resent.end());
  }
  bool taken_in = state == FileState::Accepted || state == FileState::FormatErrors;
  repo_.record_outcome(id, result, rows, taken_in, state, at);
}

CancelResult Reception::cancel(std::int64_t id, const LocalDateTime& at) {
  CancelResult answer;
  repo_.atomically([&] {
    auto s = repo_.submission(id);
    if (!s) {
      answer = {false, fmt::format("受付番号 {} のファイルはありません", id),
                fmt::format("no file with submission id {}", id)};
      return;
    }
    if (s->state == FileState::Sent) {
      answer = {false, "送信完了のファイルは審査が始まっているため取消できません",
                "the file is 送信完了: its review has started, so it cannot be cancelled"};
      return;
    }
    if (!can_move(s->state, FileState::Cancelled)) {
      answer = {false,
                fmt::format("状態が「{}」のファイルは取消できません（受付完了・様式エラー有のみ）", enum_ja(s->state)),
                fmt::format("a file in state {} cannot be cancelled (only 受付完了 and 様式エラー有)",
                            enum_code(s->state))};
      return;
    }
    const auto month_text = s->processing_month ? s->processing_month->str() : "";
    if (!s->processing_month || !cancel_open(at, *s->processing_month, settings_)) {
      answer = {false,
                fmt::format("取消の受付は処理年月 {} の{}日 {} までです", month_text, settings_.deadline_day,
                            settings_.cancel_cutoff.str()),
                fmt::format("cancels for processing month {} close on the {}th at {}", month_text,
                            settings_.deadline_day, settings_.cancel_cutoff.str())};
      return;
    }
    if (auto closed = closed_reason(*s->processing_month)) {
      answer = {false, "取消できません: " + closed->first, "cannot cancel: " + closed->second};
      return;
    }
    repo_.record_state(id, FileState::Cancelled, at, "取消 / cancelled by the sender");
    answer = {true, "", ""};
  });
  return answer;
}

std::vector<std::int64_t> Reception::recover_interrupted(const LocalDateTime& at) {
  std::vector<std::int64_t> recovered;
  for (const auto& f : repo_.unfinished()) {
    if (repo_.alive(f.owner)) continue;
    repo_.atomically([&] {
      auto s = repo_.submission(f.id);
      if (!s || s->state != FileState::Receiving || repo_.in_flight_owner(f.id) != f.owner) return;
      precheck::FileResult result;
      result.file = s->file_name;
      std::vector<precheck::ErrorRow> rows{refusal_row(
          code::kInterrupted, s->file_name, "受付番号", std::to_string(f.id),
          "受信処理が途中で中断されたため、このファイルは受け付けられていません。もう一度送信してください",
          "receiving this file was interrupted, so it was not taken in; send it again")};
      repo_.record_outcome(f.id, result, rows, false, FileState::TransmissionError, at);
      repo_.release_key(f.id);  // never taken in: the sender's retry with the same key is a new file
      recovered.push_back(f.id);
    });
  }
  return recovered;
}

MonthStep Reception::close_month(YearMonth month, const LocalDateTime& at) {
  MonthStep step;
  repo_.atomically([&] {
    auto record = repo_.month(month);
    if (record.state != MonthState::Open) {
      step = refused(fmt::format("処理年月 {} はすでに{}です", month.str(), enum_ja(record.state)),
                     fmt::format("processing month {} is already {}", month.str(), enum_code(record.state)));
      return;
    }
    for (auto earlier : repo_.earlier_open_months(month)) {
      repo_.move_month(earlier, MonthState::Closed, at, "後の処理年月の締切 / a later month was closed");
    }
    repo_.move_month(month, MonthState::Closed, at, "締切（操作）/ closed by the operator");
    step = {true, fmt::format("処理年月 {} を締め切りました", month.str()),
            fmt::format("processing month {} closed", month.str()), 0, false};
  });
  return step;
}

std::optional<MonthStep> Reception::take_job(std::string_view kind, YearMonth month, const LocalDateTime& at) {
  auto job = repo_.month_job();
  if (job && job->owner != repo_.owner() && repo_.alive(job->owner)) {
    return refused(fmt::format("処理年月 {} の{}が実行中です（{} 開始）。終わってから実行してください", job->month.str(),
                               job->kind == "review" ? "審査" : "支払処理", job->started_at.str()),
                   fmt::format("the {} of {} is running (started {}); run this when it has finished", job->kind,
                               job->month.str(), job->started_at.str()));
  }
  repo_.set_month_job(MonthJob{std::string(kind), month, repo_.owner(), at});
  return std::nullopt;
}

MonthStep Reception::start_review(YearMonth month, const LocalDateTime& at, bool again) {
  MonthStep step;
  repo_.atomically([&] {
    if (auto later = repo_.later_month_not_open(month);
        later && later->state != MonthState::Open && later->state != MonthState::Closed) {
      step = refused(fmt::format("{} より後の {} が{}のため、{} は審査できません", month.str(), later->month.str(),
                                 enum_ja(later->state), month.str()),
                     fmt::format("{} cannot be reviewed: the later month {} is {}", month.str(), later->month.str(),
                                 enum_code(later->state)));
      return;
    }
    auto record = repo_.month(month);
    switch (record.state) {
      case MonthState::Open:
        if (at <= window_end(month, settings_)) {
          step = refused(fmt::format("処理年月 {} は受付期間中です（{} まで）。締め切ってから審査してください",
                                     month.str(), window_end(month, settings_).str()),
                         fmt::format("processing month {} is still open (until {}); close it before the review",
                                     month.str(), window_end(month, settings_).str()));
          return;
        }
        break;
      case MonthState::Closed:
        break;
      case MonthState::UnderReview:
        step.restarted = true;
        break;
      case MonthState::Reviewed:
      case MonthState::Settled:
        if (!again) {
          step = refused(fmt::format("処理年月 {} は{}です。審査をやり直すときは --again を付けてください（支払処理も"
                                     "やり直しになります）",
                                     month.str(), enum_ja(record.state)),
                         fmt::format("processing month {} is already {}; to review it again, say --again (its "
                                     "settlement must then be run again too)",
                                     month.str(), enum_code(record.state)));
          return;
        }
        break;
    }
    if (auto busy = take_job("review", month, at)) {
      step = *busy;
      return;
    }
    for (auto earlier : repo_.earlier_open_months(month)) {
      repo_.move_month(earlier, MonthState::Closed, at, "後の処理年月の締切 / a later month was closed");
    }
    if (record.state == MonthState::Open) {
      repo_.move_month(month, MonthState::Closed, at, "受付期間の終了 / the window is over");
    }
    std::size_t n = 0;
    for (auto state : {FileState::Accepted, FileState::FormatErrors}) {
      for (auto id : repo_.submissions_in(month, state)) {
        repo_.record_state(id, FileState::Sent, at, "審査開始 / review started");
        ++n;
      }
    }
    repo_.move_month(month, MonthState::UnderReview, at,
                     step.restarted ? "中断した審査をやり直し / an interrupted review started again"
                                    : (record.state == MonthState::Reviewed || record.state == MonthState::Settled
                                           ? "再審査（--again）/ reviewed again"
                                           : "審査開始 / review started"));
    step.done = true;
    step.files_sent = n;
    step.message_ja = fmt::format("処理年月 {} の審査を始めました（送信完了 {} 件）", month.str(), n);
    step.message_en = fmt::format("review of {} started ({} files 送信完了)", month.str(), n);
  });
  return step;
}

void Reception::finish_review(YearMonth month, const LocalDateTime& at) {
  repo_.atomically([&] {
    repo_.move_month(month, MonthState::Reviewed, at, "審査終了 / review finished");
    repo_.set_month_job(std::nullopt);
  });
}

MonthStep Reception::start_settlement(YearMonth month, const LocalDateTime& at) {
  MonthStep step;
  repo_.atomically([&] {
    auto record = repo_.month(month);
    if (record.state != MonthState::Reviewed && record.state != MonthState::Settled) {
      step = refused(fmt::format("処理年月 {} は{}です。審査（kaigo review）が終わってから支払処理をしてください",
                                 month.str(), enum_ja(record.state)),
                     fmt::format("processing month {} is {}; settle it once its review (kaigo review) has finished",
                                 month.str(), enum_code(record.state)));
      return;
    }
    if (auto busy = take_job("results", month, at)) {
      step = *busy;
      return;
    }
    step = {true, fmt::format("処理年月 {} の支払処理を始めました", month.str()),
            fmt::format("settlement of {} started", month.str()), 0, false};
  });
  return step;
}

void Reception::finish_settlement(YearMonth month, const LocalDateTime& at) {
  repo_.atomically([&] {
    repo_.move_month(month, MonthState::Settled, at, "支払処理終了 / settled");
    repo_.set_month_job(std::nullopt);
  });
}

void Reception::abandon_job() {
  repo_.atomically([&] {
    auto job = repo_.month_job();
    if (job && job->owner == repo_.owner()) repo_.set_month_job(std::nullopt);
  });
}

}  // namespace kaigo::reception
