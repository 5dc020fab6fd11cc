#include "kaigo/auth/user.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <set>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::auth {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_upper_alnum(c) || (c >= 'a' && c <= 'z'); }

bool all_of(std::string_view s, std::size_t width, bool (*pred)(char)) {
  return s.size() == width && std::all_of(s.begin(), s.end(), pred);
}

Refusal attribute(std::string_view what_ja, std::string_view what_en, std::string_view value, std::string_view shape_ja,
                  std::string_view shape_en) {
  return {"KA02", "DESIGN §3.4 roles", fmt::format("{}「{}」は{}で指定してください", what_ja, value, shape_ja),
          fmt::format("{} \"{}\" must be {}", what_en, value, shape_en)};
}

Refusal needs(std::string_view role, std::string_view what_ja, std::string_view what_en) {
  return {"KA02", "DESIGN §3.4 roles", fmt::format("ロール {} には{}が必要です", role, what_ja),
          fmt::format("role {} needs {}", role, what_en)};
}

Refusal not_for(std::string_view role, std::string_view what_ja, std::string_view what_en) {
  return {"KA02", "DESIGN §3.4 roles", fmt::format("ロール {} には{}を指定できません", role, what_ja),
          fmt::format("role {} takes no {}", role, what_en)};
}

}  // namespace

bool User::acts_for_office(std::string_view office_no) const {
  return role == Role::Office && std::binary_search(offices.begin(), offices.end(), office_no);
}

bool User::acts_for_insurer(std::string_view no) const { return role == Role::Municipality && insurer_no == no; }

bool User::is_person(std::string_view insurer, std::string_view insured) const {
  return role == Role::Insured && insurer_no == insurer && insured_no == insured;
}

std::optional<Refusal> check_user_id(std::string_view id) {
  if (id.size() >= 6 && id.size() <= 20 && id.starts_with("KJ") &&
      std::all_of(id.begin() + 2, id.end(), is_upper_alnum)) {
    return std::nullopt;
  }
  return Refusal{"KA01", "seed 001: ユーザIDは KJ から始まる",
                 fmt::format("ユーザID「{}」は KJ に英大文字・数字4〜18文字を続けた形で指定してください", id),
                 fmt::format("user ID \"{}\" must be KJ followed by 4 to 18 capital letters or digits", id)};
}

bool is_office_no(std::string_view s) { return all_of(s, 10, is_alnum); }
bool is_medical_code(std::string_view s) { return all_of(s, 10, is_digit); }
bool is_insurer_no(std::string_view s) { return all_of(s, 6, is_digit); }
bool is_insured_no(std::string_view s) { return all_of(s, 10, is_alnum); }

Refusals check_offices(const std::vector<std::string>& offices, int max_offices) {
  Refusals out;
  std::set<std::string_view> seen;
  for (const auto& o : offices) {
    if (!is_office_no(o)) {
      out.push_back(attribute("事業所番号", "office number", o, "英数字10桁", "10 letters or digits"));
    } else if (!seen.insert(o).second) {
      out.push_back(
          {"KA04", "", fmt::format("事業所番号 {} が2回あります", o), fmt::format("office {} is listed twice", o)});
    }
  }
  if (offices.size() > static_cast<std::size_t>(max_offices)) {
    out.push_back({"KA03", "seed 001: 代理請求は1つの電子証明書で100事業所まで",
                   fmt::format("事業所は {} までです（{} 件指定されました）", max_offices, offices.size()),
                   fmt::format("at most {} offices ({} given)", max_offices, offices.size())});
  }
  return out;
}

namespace {

// A number a role must have in a given form, and others must not have at all.
struct Attribute {
  std::string_view ja, en, needed_en;  // 保険者番号 / insurer number / an insurer number
  std::string_view form_ja, form_en;   // 数字6桁 / 6 digits
  bool (*valid)(std::string_view);
};
constexpr Attribute kMedicalCode{"医療機関コード", "medical institution code", "a medical institution code", "数字10桁",
                                 "10 digits", is_medical_code};
constexpr Attribute kInsurerNo{"保険者番号", "insurer number", "an insurer number", "数字6桁", "6 digits", is_insurer_no};
constexpr Attribute kInsuredNo{"被保険者番号", "insured number", "an insured number", "英数字10桁", "10 letters or digits",
                               is_insured_no};

void check_attribute(Refusals& out, std::string_view role, bool needed, const std::string& value, const Attribute& a) {
  if (!needed) {
    if (!value.empty()) out.push_back(not_for(role, a.ja, a.en));
  } else if (value.empty()) {
    out.push_back(needs(role, a.ja, a.needed_en));
  } else if (!a.valid(value)) {
    out.push_back(attribute(a.ja, a.en, value, a.form_ja, a.form_en));
  }
}

}  // namespace

Refusals check_user(const User& u, int max_offices) {
  Refusals out;
  if (auto bad = check_user_id(u.id)) out.push_back(*bad);
  const auto role = enum_code(u.role);
  const bool office = u.role == Role::Office, medical = u.role == Role::Medical;
  const bool insurer = u.role == Role::Municipality || u.role == Role::Insured;
  if (office) {
    if (u.offices.empty()) out.push_back(needs(role, "事業所番号", "an office number"));
    auto bad = check_offices(u.offices, max_offices);
    out.insert(out.end(), bad.begin(), bad.end());
  } else if (!u.offices.empty()) {
    out.push_back(not_for(role, "事業所番号", "office number"));
  }
  check_attribute(out, role, medical, u.medical_code, kMedicalCode);
  if (medical && (u.job == Job::None || u.job == Job::CareManager)) {
    out.push_back({"KA02", "DESIGN §3.4 roles", "ロール medical の職種は doctor, clerk, other のいずれかです",
                   "role medical needs a job of doctor, clerk or other"});
  }
  if (!office && !medical && u.job != Job::None) out.push_back(not_for(role, "職種", "job"));
  check_attribute(out, role, insurer, u.insurer_no, kInsurerNo);
  check_attribute(out, role, u.role == Role::Insured, u.insured_no, kInsuredNo);
  if (!u.email.empty() && !is_email(u.email)) {
    out.push_back(attribute("セキュリティ用メールアドレス", "security e-mail", u.email, "name@domain の形",
                            "of the form name@domain"));
  }
  if (find_invalid_utf8(u.name) != std::string_view::npos || u.name.size() > 200 ||
      std::any_of(u.name.begin(), u.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    out.push_back({"KA02", "", "表示名は制御文字を含まない200バイトまでのUTF-8です",
                   "the display name is UTF-8 of at most 200 bytes without control characters"});
  }
  return out;
}

OfficeList parse_office_list(std::string_view text, std::string_view file_name) {
  OfficeList out;
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    out.problems.push_back({"KA05", "", fmt::format("{} は UTF-8 ではありません（{} バイト目）", file_name, bad + 1),
                            fmt::format("{} is not UTF-8 (byte {})", file_name, bad + 1)});
    return out;
  }
  std::size_t line_no = 0;
  for (auto line : lines(text)) {
    ++line_no;
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    auto t = trim(line);
    if (t.empty() || t.starts_with('#') || (line_no == 1 && t == "office_no")) continue;
    if (!is_office_no(t)) {
      out.problems.push_back(
          {"KA05", "", fmt::format("{}:{}: 事業所番号「{}」は英数字10桁ではありません", file_name, line_no, t),
           fmt::format("{}:{}: office number \"{}\" is not 10 letters or digits", file_name, line_no, t)});
      continue;
    }
    out.offices.emplace_back(t);
  }
  return out;
}

std::string normalize_email(std::string_view email) {
  std::string out(trim(email));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

bool is_email(std::string_view e) {
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= e.size() || e.find('@', at + 1) != std::string_view::npos ||
      e.size() > 254) {
    return false;
  }
  auto domain = e.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.starts_with('.') || domain.ends_with('.')) return false;
  // Printable ASCII without what would break a mail header or an SMTP command.
  return std::all_of(e.begin(), e.end(), [](char c) {
    return c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '(' && c != ')' && c != ',' && c != ';' && c != ':' &&
           c != '\\' && c != '"' && c != '[' && c != ']';
  });
}

nlohmann::json user_json(const User& u) {
  return {{"id", u.id},
          {"role", enum_code(u.role)},
          {"job", enum_code(u.job)},
          {"offices", u.offices},
          {"medical_code", u.medical_code},
          {"insurer_no", u.insurer_no},
          {"insured_no", u.insured_no},
          {"name", u.name}};
}

}  // namespace kaigo::auth
