// auth/user — who is acting: a kaigo account (ユーザ) with its role and what it speaks for. The
// server, careplan, platform and portal decide what someone may do from this value and nothing
// else (DESIGN §3.4 roles).
// Owns: the roles and jobs, the shape of user IDs, 事業所番号 lists (代理請求), and the checks of
// a new account's attributes. Must not: know passwords, sessions, storage or HTTP.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/auth/refusal.hpp"

namespace kaigo::auth {

// DESIGN §3.4.
enum class Role : std::uint8_t {
  Office,        // 介護サービス事業所 (one 事業所番号, or up to 100 for 代理請求)
  Medical,       // 医療機関 (主治医意見書, platform)
  Municipality,  // 保険者 (市町村)
  Insured,       // 被保険者 (本人)
  Kokuhoren,     // 国保連 operator (職員)
  Admin,         // administrator of accounts and certificates
};
inline constexpr EnumTable<Role, 6> kRoles{{{
#include "kaigo/auth/user_role.enum.inc"
}}};
constexpr const auto& enum_table(Role) { return kRoles; }
// 職種, for the platform's access matrix (介護情報基盤).
enum class Job : std::uint8_t { None, Doctor, CareManager, Clerk, Other };
inline constexpr EnumTable<Job, 5> kJobs{{{
#include "kaigo/auth/user_job.enum.inc"
}}};
constexpr const auto& enum_table(Job) { return kJobs; }

struct User {
  std::string id;  // ユーザID (KJ…)
  Role role = Role::Office;
  Job job = Job::None;
  std::vector<std::string> offices;  // 事業所番号, sorted (office)
  std::string medical_code;          // 医療機関コード (medical)
  std::string insurer_no;            // 保険者番号 (municipality, insured)
  std::string insured_no;            // 被保険者番号 (insured)
  std::string name;                  // 表示名 (free text; may be empty)
  std::string email;                 // セキュリティ用メールアドレス (seed 000 §3(2); may be empty)

  // An office account that holds this 事業所番号 (its own, or one of its 代理請求 group).
  bool acts_for_office(std::string_view office_no) const;
  // A municipality account of this 保険者番号.
  bool acts_for_insurer(std::string_view insurer_no) const;
  // The insured person's own account.
  bool is_person(std::string_view insurer_no, std::string_view insured_no) const;
  bool is_kokuhoren() const { return role == Role::Kokuhoren; }
  bool is_admin() const { return role == Role::Admin; }
};

// ユーザID: "KJ" then 4 to 18 of 0-9 A-Z (seed 001: 「KJ から始まる 14 桁のID」). Only the KJ prefix
// is confirmed by a public source; 14 characters is seed 001's word and DESIGN's own example
// (KJ1370000001) has 12, so the length is not enforced (docs/auth.md).
std::optional<Refusal> check_user_id(std::string_view id);

// 事業所番号 (10 letters or digits, as the 事業所台帳), 医療機関コード (10 digits), 保険者番号
// (6 digits), 被保険者番号 (10 letters or digits).
bool is_office_no(std::string_view s);
bool is_medical_code(std::string_view s);
bool is_insurer_no(std::string_view s);
bool is_insured_no(std::string_view s);

// A list of 事業所番号: each well formed, none twice, at most `max_offices` (代理請求, seed 001).
Refusals check_offices(const std::vector<std::string>& offices, int max_offices);

// What a role needs and allows (office: 1..max offices and an optional job; medical: a code and a
// job of doctor | clerk | other; municipality: a 保険者番号; insured: 保険者番号 + 被保険者番号;
// kokuhoren and admin: nothing else), the ID, and the e-mail's shape.
Refusals check_user(const User& user, int max_offices);

// An --offices file: UTF-8 text, one 事業所番号 per line; an optional header line "office_no",
// blank lines and lines starting with '#' are skipped. Problems name the file and line.
struct OfficeList {
  std::vector<std::string> offices;  // in file order
  Refusals problems;
};
OfficeList parse_office_list(std::string_view text, std::string_view file_name);

// Trimmed, lowercased domain: what is stored and matched for セキュリティ用メールアドレス.
std::string normalize_email(std::string_view email);
bool is_email(std::string_view email);

// Who the user is, as the API's session and the CLI's user list print it (no secret of any kind).
nlohmann::json user_json(const User& u);

}  // namespace kaigo::auth
