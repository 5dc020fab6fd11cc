// kaigo submit / kaigo cancel — 電子請求受付 over a database (DESIGN §3.1): parse, call month::Desk,
// print.
#include <fmt/format.h>
#include <cstdio>
#include <filesystem>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/month/desk.hpp"
#include "kaigo/month/submission_json.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "kaigo/store/auth_store.hpp"
#include "options.hpp"

namespace kaigo::cli {
namespace {

void print_line(const reception::Submission& s) {
  out(fmt::format("{}\t{}\t{}\t{}\t{}\n", s.id, s.file_name, enum_ja(s.state),
                  s.processing_month ? s.processing_month->str() : "-", s.errors.size()));
  std::fflush(stdout);
}

// Runs `work` at the reception desk of `db_path` at the time of --at, once the files another process
// left half-received are recovered (KR03); status 2 without running it when --at does not parse.
template <class Work>
void at_the_desk(const std::string& db_path, const std::string& at_text, int& status, Work work) {
  auto at = parse_at(at_text, status);
  if (!at) return;
  month::Desk desk(db_path);
  report_recovered(desk.recover(*at));
  work(desk, *at);
}

}  // namespace

void register_submit(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("submit", "請求ファイルを受け付ける / receive claim files");
  static std::string db_path;
  static std::string at_text;
  static std::string format = "text";
  static std::vector<std::string> files;
  static std::string as;
  static std::string files_from;
  add_db_option(cmd, db_path);
  add_at_option(cmd, at_text, "受付日時", "time received");
  cmd->add_option("--format", format, "text | json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--as", as,
                  "インターネット請求で届いたファイルとして、送信した事業所のユーザID（KJ…）/ the office account the "
                  "files came from over the internet (the office becomes a 伝送事業所 for the month)");
  cmd->add_option("--files-from", files_from,
                  "受け付けるファイルの一覧（1行に1パス、- は標準入力）/ a list of the files to receive, one path a "
                  "line (- for standard input)");
  cmd->add_option("FILE", files, "交換情報ファイル / exchange files");
  cmd->callback([&status] {
    if (!files_from.empty()) {
      try {
        auto listed = read_path_list(files_from);
        files.insert(files.end(), listed.begin(), listed.end());
      } catch (const std::exception& e) {
        err(fmt::format("エラー / error: {}\n", e.what()));
        status = 1;
        return;
      }
    }
    if (files.empty()) {
      err("エラー: 受け付けるファイルがありません（FILE か --files-from）/ error: no files to receive (FILE or "
          "--files-from)\n");
      status = 2;
      return;
    }
    at_the_desk(db_path, at_text, status, [&](month::Desk& desk, const LocalDateTime& at) {
      status = 0;
      std::string sender;
      if (!as.empty()) {
        store::AuthStore accounts(desk.db());
        auto account = accounts.account(as);
        if (!account || account->disabled || account->user.role != auth::Role::Office) {
          err(fmt::format("エラー: 事業所のユーザ {} はありません（または停止中です）/ error: no office user {} (or it is "
                          "locked)\n",
                          as, as));
          status = 2;
          return;
        }
        sender = account->user.id;
      }
      nlohmann::json answers = nlohmann::json::array();
      std::vector<precheck::FileResult> with_errors;
      // Each line is printed once the commit holding its file is on the disk (group commit).
      month::ReceiptGroup group(
          desk,
          [&](const reception::Submission& s) {
            audit_cli(desk.db(), auth::AuditAction::Upload, std::to_string(s.id),
                      {{"file", s.file_name}, {"office_no", s.office_no}, {"state", enum_code(s.state)},
                       {"sha256", s.sha256}, {"bytes", s.size}},
                      at);
          },
          [&](const reception::Submission& s) {
            if (format == "json") {
              answers.push_back(month::submission_json(s));
            } else {
              print_line(s);
              if (!s.errors.empty()) with_errors.push_back(month::as_file_result(s));
            }
          });
      try {
        for (const auto& path : files) {
          std::string bytes;
          try {
            bytes = read_whole_file(path);
          } catch (const std::exception& e) {
            err(fmt::format("エラー / error: {}\n", e.what()));
            status = 1;
            continue;
          }
          group.receive(std::filesystem::path(path).filename().string(), std::move(bytes), at, sender);
        }
      } catch (...) {
        group.close();  // what was stored before the failure is acknowledged, then the failure reported
        throw;
      }
      group.close();
      if (format == "json") {
        out(dump_json(answers));
      } else if (!with_errors.empty()) {
        err(precheck::format_text(with_errors));
      }
    });
  });
}

void register_cancel(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("cancel", "受付済みファイルを取り消す / cancel a received file");
  static std::string db_path;
  static std::string at_text;
  static std::int64_t id = 0;
  add_db_option(cmd, db_path);
  add_at_option(cmd, at_text, "取消日時", "time of the cancel");
  cmd->add_option("SUBMISSION_ID", id, "受付番号 / submission id")->required();
  cmd->callback([&status] {
    at_the_desk(db_path, at_text, status, [&](month::Desk& desk, const LocalDateTime& at) {
      auto r = desk.cancel(id, at);
      audit_cli(desk.db(), r.cancelled ? auth::AuditAction::Cancel : auth::AuditAction::CancelRefused, std::to_string(id), nlohmann::json::object(), at);
      if (!r.cancelled) {
        err(fmt::format("取消できません: {} / cannot cancel: {}\n", r.message_ja, r.message_en));
        status = 1;
        return;
      }
      print_line(*desk.db().submission(id));
      status = 0;
    });
  });
}

}  // namespace kaigo::cli
