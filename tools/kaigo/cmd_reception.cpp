// kaigo submit / kaigo cancel — 電子請求受付 over a database (DESIGN §3.1).
#include <fmt/format.h>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "kaigo/reception/reception.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::cli {
namespace {

precheck::FileResult as_file_result(const reception::Submission& s) {
  precheck::FileResult r;
  r.file = s.file_name;
  r.data_type = s.data_type;
  r.office_no = s.office_no;
  r.processing_month = s.processing_month ? s.processing_month->str() : "";
  r.bytes = s.size;
  r.statements = s.statements;
  r.records = s.records;
  r.errors = s.errors;
  r.error_count = s.errors.size();
  for (const auto& e : s.errors) ++r.level_counts[static_cast<std::size_t>(e.level)];
  return r;
}

nlohmann::json submission_json(const reception::Submission& s) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : s.errors) errors.push_back(precheck::to_json(e));
  return {{"submission", s.id},
          {"file", s.file_name},
          {"state", reception::state_name(s.state)},
          {"state_code", reception::state_code(s.state)},
          {"processing_month", s.processing_month ? s.processing_month->str() : ""},
          {"received_at", s.received_at.str()},
          {"sha256", s.sha256},
          {"bytes", s.size},
          {"statements", s.statements},
          {"records", s.records},
          {"error_count", s.errors.size()},
          {"errors", errors}};
}

void print_line(const reception::Submission& s) {
  std::fputs(fmt::format("{}\t{}\t{}\t{}\t{}\n", s.id, s.file_name, reception::state_name(s.state),
                         s.processing_month ? s.processing_month->str() : "-", s.errors.size())
                 .c_str(),
             stdout);
}

}  // namespace

void register_submit(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("submit", "請求ファイルを受け付ける / receive claim files");
  static std::string db_path;
  static std::string at_text;
  static std::string format = "text";
  static std::vector<std::string> files;
  cmd->add_option("--db", db_path, "データベース / database file")->required();
  cmd->add_option("--at", at_text, "受付日時（日本時間, 既定は現在）/ time received (JST, default now)");
  cmd->add_option("--format", format, "text | json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("FILE", files, "交換情報ファイル / exchange files")->required();
  cmd->callback([&status] {
    auto at = parse_at(at_text);
    if (!at) {
      status = 2;
      return;
    }
    ReceptionSetup setup(db_path, store::Recipients::Skip);
    setup.resume(*at);
    status = 0;
    nlohmann::json out = nlohmann::json::array();
    std::vector<precheck::FileResult> with_errors;
    for (const auto& path : files) {
      std::string bytes;
      try {
        bytes = read_whole_file(path);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "エラー / error: %s\n", e.what());
        status = 1;
        continue;
      }
      auto name = std::filesystem::path(path).filename().string();
      auto s = setup.reception->submit(name, bytes, *at);
      if (format == "json") {
        out.push_back(submission_json(s));
      } else {
        print_line(s);
        std::fflush(stdout);
        if (!s.errors.empty()) with_errors.push_back(as_file_result(s));
      }
    }
    if (format == "json") {
      std::fputs((out.dump(2) + "\n").c_str(), stdout);
    } else if (!with_errors.empty()) {
      std::fputs(precheck::format_text(with_errors).c_str(), stderr);
    }
  });
}

void register_cancel(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("cancel", "受付済みファイルを取り消す / cancel a received file");
  static std::string db_path;
  static std::string at_text;
  static std::int64_t id = 0;
  cmd->add_option("--db", db_path, "データベース / database file")->required();
  cmd->add_option("--at", at_text, "取消日時（日本時間, 既定は現在）/ time of the cancel (JST, default now)");
  cmd->add_option("SUBMISSION_ID", id, "受付番号 / submission id")->required();
  cmd->callback([&status] {
    auto at = parse_at(at_text);
    if (!at) {
      status = 2;
      return;
    }
    ReceptionSetup setup(db_path, store::Recipients::Skip);
    auto r = setup.reception->cancel(id, *at);
    if (!r.cancelled) {
      std::fprintf(stderr, "取消できません: %s / cannot cancel: %s\n", r.message_ja.c_str(), r.message_en.c_str());
      status = 1;
      return;
    }
    auto s = setup.db->submission(id);
    print_line(*s);
    status = 0;
  });
}

}  // namespace kaigo::cli
