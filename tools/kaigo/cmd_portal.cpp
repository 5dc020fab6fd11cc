// kaigo portal page|letters — each office's own page (マイページ: accounts, certificates, care-plan
// licence, fees by month, subsidy applications) and the KJ-ID letters for offices that claim on
// media (電子請求登録結果に関するお知らせ, seed 000 §2(2)), issued in bulk as one PDF to print.
// The letters' passwords are written only into that PDF (mode 0600), never to the terminal.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/core/csv_text.hpp"
#include "kaigo/portal/json.hpp"
#include "kaigo/portal/letters.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/careplan_store.hpp"
#include "kaigo/store/portal_store.hpp"
#include "kaigo/store/tables.hpp"
#include "options.hpp"
#include "portal_support.hpp"

namespace kaigo::cli {
namespace {

namespace fs = std::filesystem;

struct PortalOptions {
  std::string db_path, as, at, office, offices_file, out, format = "text";
};

PortalOptions& portal_options() {
  static PortalOptions o;
  return o;
}

void print_page(const portal::OfficePage& p) {
  std::string t = fmt::format("事業所 {} {}（{} 時点）/ office page\n", p.office_no, p.name, p.at.str());
  t += "■ サービス / services\n";
  for (const auto& s : p.services) t += fmt::format("  {} {}\t{}\n", s.service_type, s.service_name, s.subsidy_class);
  t += "■ アカウント / accounts\n";
  for (const auto& a : p.accounts) {
    t += fmt::format("  {}\t{}\t{}\tパスワード変更 {}\n", a.user.id,
                     a.user.offices.size() == 1 ? "自事業所" : fmt::format("代理請求 {} 事業所", a.user.offices.size()),
                     a.disabled || a.locked_until ? "ロック中" : "利用可", a.password_changed_at.str());
  }
  t += "■ 電子証明書 / certificates\n";
  for (const auto& c : p.certificates) {
    t += fmt::format("  {}\t{}\t有効期限 {}（あと {} 日）\t手数料 {}（{} 審査分で控除）\n", c.serial,
                     enum_code(c.state), c.not_after.str(), c.days_left,
                     c.fee ? portal::yen_text(*c.fee) : std::string("-"),
                     c.fee_month ? c.fee_month->str() : std::string("-"));
  }
  t += "■ ケアプランデータ連携 ライセンス / care-plan licence\n";
  if (!p.licences_connected)
    t += "  ケアプランデータ連携システムとはまだ接続していません / the care-plan hub is not connected yet\n";
  for (const auto& l : p.licences) {
    t += fmt::format("  {}〜{}\t{}\t{}\n", l.valid_from.str(), l.valid_to.str(),
                     l.fee ? portal::yen_text(*l.fee) : "無料", l.note);
  }
  t += "■ 支払決定額通知書の手数料 / fees deducted by month\n";
  for (const auto& m : p.fees) {
    t += fmt::format("  {}\t証明書 {}\tライセンス {}\t{}{}\n", m.month.str(), portal::yen_text(m.certificate_fee),
                     portal::yen_text(m.license_fee), m.settled ? "控除済" : "控除予定",
                     m.transfer ? "\t振込 " + portal::yen_text(*m.transfer) : std::string());
  }
  t += "■ 助成金の申請 / subsidy applications\n";
  for (const auto& a : p.subsidies) {
    t += fmt::format("  {}\t{}\t{}\t{}\n", a.id, a.scheme, enum_ja(a.state),
                     a.decision ? portal::yen_text(a.decision->amount) : std::string("-"));
  }
  out(t);
}

void page(int& status) {
  auto& o = portal_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  PortalStores st(*session->db);
  store::CarePlanLicencePage licences(*session->db, st.settings);
  portal::PageSources sources{st.world.offices, &st.world.masters, st.accounts, st.auth,
                              st.portal,        st.portal,         st.settings, &licences};
  auto r = portal::office_page(sources, o.office, session->user, session->caller.at);
  if ((status = print_refusals(r.refusals)) != 0) return;
  if (o.format == "json") {
    out(dump_json(portal::to_json(*r.page)) + "\n");
  } else {
    print_page(*r.page);
  }
}

// A new file of mode 0600 from the start (it holds passwords); refuses to replace one.
bool write_private(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    err(fmt::format(
        "エラー: {} を作れません（既にあるか書き込めません）/ error: cannot create {} (exists or not writable)\n",
        path.string(), path.string()));
    return false;
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool ok = done == bytes.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) err(fmt::format("エラー: {} に書き込めません / error: cannot write {}\n", path.string(), path.string()));
  return ok;
}

void letters(int& status) {
  auto& o = portal_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  portal::LetterRequest request;
  if (!o.offices_file.empty()) {
    auto list = auth::parse_office_list(read_whole_file(o.offices_file), o.offices_file);
    if ((status = print_refusals(list.problems)) != 0) return;
    request.offices = std::move(list.offices);
  }
  const fs::path dir(o.out);
  const auto pdf = dir / "letters.pdf";
  std::error_code ec;
  if (fs::exists(pdf, ec)) {
    err(fmt::format("エラー: {} が既にあります / error: {} exists\n", pdf.string(), pdf.string()));
    status = 1;
    return;
  }
  if (fs::create_directories(dir, ec)) ::chmod(dir.c_str(), 0700);  // a folder made here is the owner's only
  PortalStores st(*session->db);
  auto batch = portal::issue_letters(st.accounts, st.portal, st.world.offices, request, session->user, session->caller);
  if ((status = print_refusals(batch.refusals)) != 0) return;
  std::string listing;
  append_csv_row(listing, {"batch", "office_no", "name", "user_id"});
  for (const auto& l : batch.letters) {
    append_csv_row(listing, {batch.batch, l.office_no, l.name, l.user_id});
    out(fmt::format("{}\t{}\t{}\n", l.office_no, l.user_id, l.name));
  }
  for (const auto& s : batch.skipped) err(fmt::format("{}\t{}\n", s.office_no, s.reason.to_string()));
  if (batch.letters.empty()) {
    err("お知らせを発行する事業所がありません / no office to send a letter to\n");
    return;
  }
  auto contents = portal::letter_contents(batch, st.settings.name, session->caller.at.date);
  if (!write_private(pdf, report::pdf_bytes(contents, session->caller.at.date)) ||
      !write_private(dir / "letters.csv", listing)) {
    status = 1;
    return;
  }
  out(fmt::format("お知らせ {} 通: {}（印刷して送付後は安全に破棄してください）/ {} letters written\n",
                  batch.letters.size(), pdf.string(), batch.letters.size()));
}

}  // namespace

void register_portal(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "portal",
                                "介護情報基盤ポータル: マイページと KJ ID のお知らせ / office page and KJ-ID letters");
  auto& o = portal_options();
  auto* page_cmd = add_db_command(cmd, "page", "事業所のマイページ / an office's page", o.db_path, status, page);
  page_cmd->add_option("--as", o.as, "操作するユーザID / the acting user ID")->required();
  page_cmd->add_option("--office", o.office, "事業所番号 / office number")->required();
  add_at_option(page_cmd, o.at, "時点", "as of");
  page_cmd->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));

  auto* letters_cmd = add_db_command(cmd, "letters",
                                     "媒体請求の事業所に KJ ID を発行しお知らせを印刷 / issue KJ IDs to offices "
                                     "claiming on media and print the letters",
                                     o.db_path, status, letters);
  letters_cmd->add_option("--as", o.as, "操作するユーザID（国保連・管理者）/ the acting user ID")->required();
  letters_cmd->add_option(
      "--offices", o.offices_file,
      "事業所番号の一覧（既定: アカウントのない全事業所）/ offices (default: all without an account)");
  letters_cmd->add_option("--out", o.out, "出力フォルダ（letters.pdf, letters.csv）/ output folder")->required();
  add_at_option(letters_cmd, o.at, "発行日時", "time of issue");
}

}  // namespace kaigo::cli
