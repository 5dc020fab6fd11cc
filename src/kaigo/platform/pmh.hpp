// platform/pmh — linking a person's records across municipalities by My Number (seed 004 §7).
// The platform registers the 介護被保険者番号等情報 and asks the 医療保険者等向け中間サーバ for the
// PMH key that ties the same person's registrations at different municipalities together. kaigo
// has no line to that server, so the answer it gives is derived from what the row states, the
// way the seed's remedy reasons about it: no My Number held (住所地特例: PL41), or a person outside
// every medical insurance (未加入 or 生活保護の適用除外: the server has no record of them, PL42).
// Otherwise the key is a salted SHA-256 digest of the number; the number itself is never stored
// (docs/platform.md "PMH").
// Owns: the 個人番号 check digit, the key and the outcome. Must not: store or print a My Number.
#pragma once
#include <string>
#include <string_view>

namespace kaigo::platform {

// 個人番号の検査用数字 (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
// 第8条): 12 digits whose last is the check digit of the first 11.
bool my_number_ok(std::string_view number);
// The check digit of 11 digits.
char my_number_check_digit(std::string_view eleven);

struct PmhOutcome {
  std::string key;         // empty when not linked
  std::string error_code;  // PL41 / PL42, or empty when linked
  bool linked() const { return error_code.empty(); }
};

// `my_number` as written (empty = not held; already checked by the reader), `medical_insurance`
// the row's code (1 加入, 2 未加入, 3 適用除外), `salt` the database's.
PmhOutcome link_person(std::string_view my_number, std::string_view medical_insurance, std::string_view salt);

}  // namespace kaigo::platform
