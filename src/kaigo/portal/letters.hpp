// portal/letters — the KJ user IDs of offices that claim on media, issued in bulk and printed as a
// letter (電子請求登録結果に関するお知らせ, seed 000 §2(2)): to log in to the 介護情報基盤ポータル an
// office needs the 電子請求受付システム's ID (KJ…), password and 証明書発行用パスワード, so the 国保連
// sends each office that still claims on paper or media one letter with them — not to みなし指定の
// 医療機関 unless they ask (office_numbers.tsv: the 事業所番号's third character tells them apart).
// The accounts are made through auth (portal owns no account): the ID is "KJ" + 事業所番号, the
// initial password and the 証明書発行用パスワード are random and exist only on the printed letter
// (auth keeps their Argon2id hashes; the latter is the account's セキュリティコード, the secret auth
// asks for at a certificate step — docs/auth.md, docs/portal.md).
// Owns: who gets a letter and what it says. Must not: store or log a secret, create accounts other
// than through auth::Accounts.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/portal/office_page.hpp"
#include "kaigo/report/content.hpp"

namespace kaigo::portal {

// The kind of a みなし指定 医療機関 or 薬局 when the 事業所番号's third character says so.
std::optional<std::string> deemed_medical(std::string_view office_no);

struct LetterRequest {
  std::vector<std::string> offices;  // these offices (みなし included when named); empty: every
                                     // office of the ledger on that day without an account
};

struct IssuedLetter {
  std::string office_no;
  std::string name;
  std::string postal_code;
  std::string address;
  std::string user_id;
  std::string password;              // 初期パスワード (only here and on paper)
  std::string certificate_password;  // 証明書発行用パスワード (only here and on paper)
};

struct LetterSkip {
  std::string office_no;
  auth::Refusal reason;  // KH51 has an account, KH52 ID taken, KH53 みなし指定 (not named)
};

struct LetterBatch {
  auth::Refusals refusals;  // KH44 not the 国保連, KH50 an office named is not in the ledger (nothing issued)
  std::string batch;        // e.g. 20260215T100000
  std::vector<IssuedLetter> letters;
  std::vector<LetterSkip> skipped;
};

// Makes one account per office and records the letter. The 国保連's staff or an administrator only.
LetterBatch issue_letters(auth::Accounts& accounts, OfficeRecords& records, const master::OfficeLedger& offices,
                          const LetterRequest& request, const auth::User& user, const auth::Caller& by);

// One letter per office, in the batch's order, signed by the 国保連 (`kokuhoren_name`).
std::vector<report::Content> letter_contents(const LetterBatch& batch, std::string_view kokuhoren_name, Date on);

}  // namespace kaigo::portal
