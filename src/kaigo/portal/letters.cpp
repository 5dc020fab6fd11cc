#include "kaigo/portal/letters.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/auth/secrets.hpp"
#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/portal/finding.hpp"

namespace kaigo::portal {
namespace {

constexpr std::size_t kPasswordLength = 16;             // ~93 bits
constexpr std::size_t kCertificatePasswordLength = 12;  // ~70 bits

struct DeemedKind {
  char third = 0;
  std::string kind;
  bool letter = false;
};

const std::vector<DeemedKind>& deemed_kinds() {
  static const std::vector<DeemedKind> kinds = [] {
    const std::string path = "src/kaigo/portal/office_numbers.tsv";
    auto bytes = embedded::find(path);
    if (!bytes) throw std::logic_error("embedded table missing: " + path);
    std::vector<DeemedKind> out;
    auto all = lines(*bytes);
    for (std::size_t i = 1; i < all.size(); ++i) {
      auto cells = split(all[i], '\t');
      if (all[i].empty()) continue;
      if (cells.size() != 4 || cells[0].size() != 1)
        throw std::logic_error(fmt::format("{}:{}: malformed", path, i + 1));
      out.push_back({cells[0][0], std::string(cells[1]), cells[2] == "1"});
    }
    return out;
  }();
  return kinds;
}

// Offices of the ledger registered on `day`, one entry each (the first service type's row).
std::map<std::string, master::Office> offices_on(const master::OfficeLedger& offices, Date day) {
  std::map<std::string, master::Office> out;
  offices.table().for_each([&](const auto&, const master::Office& o) {
    if (!o.period.contains(day)) return;
    auto it = out.find(o.office_no);
    if (it == out.end() || o.service_type < it->second.service_type) out[o.office_no] = o;
  });
  return out;
}

std::string batch_name(const LocalDateTime& at) {
  return fmt::format("{}T{:02d}{:02d}{:02d}", at.date.str(), at.hour, at.minute, at.second);
}

// 〒 and the 7 digits as 100-0001 (other forms as they are).
std::string postal(std::string_view code) {
  if (code.size() == 7 && code.find_first_not_of("0123456789") == std::string_view::npos) {
    return fmt::format("〒{}-{}", code.substr(0, 3), code.substr(3));
  }
  return code.empty() ? std::string() : "〒" + std::string(code);
}

}  // namespace

std::optional<std::string> deemed_medical(std::string_view office_no) {
  if (office_no.size() < 3) return std::nullopt;
  for (const auto& k : deemed_kinds()) {
    if (k.third == office_no[2] && !k.letter) return k.kind;
  }
  return std::nullopt;
}

LetterBatch issue_letters(auth::Accounts& accounts, OfficeRecords& records, const master::OfficeLedger& offices,
                          const LetterRequest& request, const auth::User& user, const auth::Caller& by) {
  LetterBatch out;
  if (!user.is_kokuhoren() && !user.is_admin()) {
    out.refusals.push_back({"KH44", "seed 000 §2(2): お知らせは国保連合会が送付",
                            "お知らせの発行は国保連の職員・管理者が行います",
                            "only the 国保連's staff or an administrator issue the letters"});
    return out;
  }
  const auto ledger = offices_on(offices, by.at.date);
  std::vector<std::string> wanted = request.offices;
  for (const auto& o : wanted) {
    if (!ledger.count(o)) {
      out.refusals.push_back(
          {"KH50", "事業所台帳",
           fmt::format("事業所番号 {} は {} 時点の事業所台帳にありません", escape_control(o), day_text(by.at.date)),
           fmt::format("office {} is not in the office ledger on {}", escape_control(o), by.at.date.str())});
    }
  }
  if (!out.refusals.empty()) return out;
  std::set<std::string> with_account, ids;
  for (const auto& a : accounts.list()) {
    ids.insert(a.user.id);
    for (const auto& o : a.user.offices) with_account.insert(o);
  }
  const bool named = !wanted.empty();
  if (!named) {
    // Offices that claim on media: those no account acts for.
    for (const auto& [no, office] : ledger) {
      if (!with_account.count(no)) wanted.push_back(no);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  out.batch = batch_name(by.at);
  for (const auto& no : wanted) {
    auto skip = [&](std::string code, std::string rule, std::string ja, std::string en) {
      out.skipped.push_back({no, {std::move(code), std::move(rule), std::move(ja), std::move(en)}});
    };
    const auto deemed = deemed_medical(no);
    if (deemed && !named) {
      skip("KH53", "seed 000 §2(2): みなし指定の医療機関については送付しない（希望すれば送付）",
           fmt::format("{}のため送らない（希望があれば事業所番号を指定して発行）", *deemed),
           "a deemed medical institution: issued only when named");
      continue;
    }
    if (with_account.count(no)) {
      skip("KH51", "seed 000 §2(2): 媒体請求の事業所へ送付", "既にアカウントがあります（電子請求の事業所）",
           "the office already has an account");
      continue;
    }
    const auto& office = ledger.at(no);
    auth::User u;
    u.id = "KJ" + no;
    u.role = auth::Role::Office;
    u.offices = {no};
    u.name = office.name;
    if (ids.count(u.id)) {
      skip("KH52", "ユーザIDは一意", fmt::format("ユーザID {} は使われています", u.id),
           fmt::format("user ID {} is taken", u.id));
      continue;
    }
    IssuedLetter letter{no,
                        office.name,
                        office.postal_code,
                        office.address,
                        u.id,
                        auth::random_printable_secret(kPasswordLength),
                        auth::random_printable_secret(kCertificatePasswordLength)};
    auto refused = accounts.add(u, letter.password, by);
    if (refused.empty()) refused = accounts.set_security_code(u.id, letter.certificate_password, by);
    if (!refused.empty()) {
      out.skipped.push_back({no, refused.front()});
      continue;
    }
    records.add_letter({out.batch, no, u.id, by.at, by.who});
    out.letters.push_back(std::move(letter));
  }
  return out;
}

std::vector<report::Content> letter_contents(const LetterBatch& batch, std::string_view kokuhoren_name, Date on) {
  std::vector<report::Content> out;
  for (const auto& l : batch.letters) {
    report::Content c;
    c.title = "電子請求登録結果に関するお知らせ";
    c.orientation = report::Orientation::Portrait;
    c.office_no_label = "事業所番号";
    c.office_no = l.office_no;
    c.office_name_label = "事業所名";
    c.office_name = l.name;
    c.created_text = day_text(on);
    c.issuer = {std::string(kokuhoren_name)};
    report::ContentTable address{"送付先 / address", true, 100, {{{}, {"項目"}, 2}, {{}, {"内容"}, 5}}, {}};
    address.rows.push_back(report::label_value_row("所在地", fmt::format("{} {}", postal(l.postal_code), l.address)));
    address.rows.push_back(report::label_value_row("事業所名", l.name));
    c.tables.push_back(std::move(address));
    report::ContentTable login{"電子請求受付システム・介護情報基盤ポータルのログイン情報 / login",
                               true,
                               100,
                               {{{}, {"項目"}, 2}, {{}, {"内容"}, 5}},
                               {}};
    login.rows.push_back(report::label_value_row("ユーザID", l.user_id, true));
    login.rows.push_back(report::label_value_row("パスワード（初期）", l.password, true));
    login.rows.push_back(report::label_value_row("証明書発行用パスワード", l.certificate_password, true));
    c.tables.push_back(std::move(login));
    c.notes = {
        "介護情報基盤ポータルへのログインには、電子請求受付システムのユーザID（KJから始まるID）・パスワード及び証明書発"
        "行用パスワードが必要です。",
        "初めてログインしたらパスワードを変更し、セキュリティ用メールアドレスを登録してください（紛失時の再設定に使いま"
        "す）。",
        "セットアップ方法は介護情報基盤ポータルの「別紙セットアップ手順」を参照してください。",
        "この通知は第三者の目に触れないよう保管してください。パスワードは国保連合会でも確認できません。",
    };
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kaigo::portal
