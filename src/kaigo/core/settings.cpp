#include "kaigo/core/settings.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <type_traits>
#include <set>
#include <sstream>
#include <tuple>
#include <toml.hpp>

#include "kaigo/core/strings.hpp"

namespace kaigo {
namespace {

class SettingsParser {
 public:
  SettingsParser(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  void error(std::string_view code, std::string key, std::string value, std::string ja, std::string en,
             Severity severity = Severity::Error) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::string(code);
    d.file = file_;
    d.item_name = std::move(key);
    d.value = std::move(value);
    d.message_ja = std::move(ja);
    d.message_en = std::move(en);
    if (severity == Severity::Error) failed_ = true;
    out_.push_back(std::move(d));
  }
  bool failed() const { return failed_; }

  void unknown_keys(const toml::table& table, std::string_view prefix, const std::set<std::string>& known) {
    for (const auto& [key, value] : table) {
      if (known.count(key)) continue;
      std::string name = prefix.empty() ? key : fmt::format("{}.{}", prefix, key);
      error("KS03", name, "", fmt::format("設定 {} は使われません（綴りを確認してください）", name),
            fmt::format("setting {} is not used (check its spelling)", name), Severity::Warning);
    }
  }

  std::optional<std::string> string(const toml::table& t, const std::string& key, std::string_view path) {
    auto it = t.find(key);
    if (it == t.end()) return std::nullopt;
    if (!it->second.is_string()) {
      error("KS02", std::string(path), toml::format(it->second), fmt::format("{} は文字列で指定してください", path),
            fmt::format("{} must be a string", path));
      return std::nullopt;
    }
    return it->second.as_string().str;
  }

  std::optional<std::int64_t> integer(const toml::table& t, const std::string& key, std::string_view path,
                                      std::int64_t lo, std::int64_t hi) {
    auto it = t.find(key);
    if (it == t.end()) return std::nullopt;
    if (!it->second.is_integer() || it->second.as_integer() < lo || it->second.as_integer() > hi) {
      error("KS02", std::string(path), toml::format(it->second),
            fmt::format("{} は {}〜{} の整数で指定してください", path, lo, hi),
            fmt::format("{} must be an integer from {} to {}", path, lo, hi));
      return std::nullopt;
    }
    return it->second.as_integer();
  }

  // A word of `table` (KS02 naming the words allowed otherwise); nullopt when absent or wrong.
  template <class E, std::size_t N>
  std::optional<E> word(const toml::table& t, const std::string& key, const std::string& path,
                        const EnumTable<E, N>& table) {
    auto s = string(t, key, path);
    if (!s) return std::nullopt;
    if (auto e = table.parse(*s)) return e;
    std::string ja, en;
    for (std::size_t i = 0; i < N; ++i) {
      ja += fmt::format("{}\"{}\"", i == 0 ? "" : " か ", table.rows[i].code);
      en += fmt::format("{}\"{}\"", i == 0 ? "" : " or ", table.rows[i].code);
    }
    error("KS02", path, *s, fmt::format("{} は {} です", path, ja), fmt::format("{} is {}", path, en));
    return std::nullopt;
  }

  std::optional<bool> boolean(const toml::table& t, const std::string& key, std::string_view path) {
    auto it = t.find(key);
    if (it == t.end()) return std::nullopt;
    if (!it->second.is_boolean()) {
      error("KS02", std::string(path), toml::format(it->second),
            fmt::format("{} は true か false で指定してください", path), fmt::format("{} must be true or false", path));
      return std::nullopt;
    }
    return it->second.as_boolean();
  }

  void clock(const toml::table& t, const std::string& key, std::string_view path, ClockTime& target) {
    auto s = string(t, key, path);
    if (!s) return;
    auto c = ClockTime::parse(*s);
    if (!c) {
      error("KS02", std::string(path), *s, fmt::format("{} は \"HH:MM\"（00:00〜23:59）で指定してください", path),
            fmt::format("{} must be \"HH:MM\" (00:00-23:59)", path));
      return;
    }
    target = *c;
  }

 private:
  std::string file_;
  Diagnostics& out_;
  bool failed_ = false;
};

void parse_reception(SettingsParser& p, const toml::table& t, ReceptionSettings& r) {
  p.unknown_keys(t, "reception", {"deadline_day", "deadline_time", "cancel_cutoff"});
  if (auto d = p.integer(t, "deadline_day", "reception.deadline_day", 1, 28)) r.deadline_day = static_cast<int>(*d);
  p.clock(t, "deadline_time", "reception.deadline_time", r.deadline_time);
  p.clock(t, "cancel_cutoff", "reception.cancel_cutoff", r.cancel_cutoff);
}

void parse_files(SettingsParser& p, const toml::table& t, FilesSettings& f) {
  p.unknown_keys(t, "files", {"group_readable"});
  if (auto g = p.boolean(t, "group_readable", "files.group_readable")) f.group_readable = *g;
}

void parse_platform(SettingsParser& p, const toml::table& t, PlatformSettings& v) {
  p.unknown_keys(t, "platform", {"serving_months"});
  if (auto m = p.integer(t, "serving_months", "platform.serving_months", 1, 24)) v.serving_months = static_cast<int>(*m);
}

void parse_careplan(SettingsParser& p, const toml::table& t, CarePlanSettings& v) {
  p.unknown_keys(t, "careplan", {"retention_days", "key_file"});
  if (auto d = p.integer(t, "retention_days", "careplan.retention_days", 1, 3650)) v.retention_days = static_cast<int>(*d);
  if (auto k = p.string(t, "key_file", "careplan.key_file")) v.key_file = *k;
}

std::optional<HoldRule> parse_hold_rule(SettingsParser& p, const toml::value& v, std::size_t index) {
  std::string path = fmt::format("review.hold[{}]", index);
  if (!v.is_table()) {
    p.error("KS02", path, toml::format(v),
            fmt::format("{} は {{ from = \"YYYYMM\", months = N }} で指定してください", path),
            fmt::format("{} must be {{ from = \"YYYYMM\", months = N }}", path));
    return std::nullopt;
  }
  const auto& t = v.as_table();
  p.unknown_keys(t, path, {"from", "months"});
  auto from = p.string(t, "from", path + ".from");
  auto months = p.integer(t, "months", path + ".months", 1, 12);
  auto ym = from ? YearMonth::parse(*from) : std::nullopt;
  if (from && !ym) {
    p.error("KS02", path + ".from", *from, fmt::format("{}.from は \"YYYYMM\" で指定してください", path),
            fmt::format("{}.from must be \"YYYYMM\"", path));
  }
  if (!ym || !months) {
    if (!from || !t.count("months")) {
      p.error("KS02", path, toml::format(v), fmt::format("{} には from と months の両方が必要です", path),
              fmt::format("{} needs both from and months", path));
    }
    return std::nullopt;
  }
  return HoldRule{*ym, static_cast<int>(*months)};
}

void parse_review(SettingsParser& p, const toml::table& t, ReviewSettings& r) {
  p.unknown_keys(t, "review", {"plan_mismatch", "hold"});
  if (auto m = p.word(t, "plan_mismatch", "review.plan_mismatch", kPlanMismatches)) r.plan_mismatch = *m;
  auto it = t.find("hold");
  if (it == t.end()) return;
  if (!it->second.is_array() || it->second.as_array().empty()) {
    p.error("KS02", "review.hold", toml::format(it->second), "review.hold は1件以上の配列で指定してください",
            "review.hold must be a non-empty array");
    return;
  }
  std::vector<HoldRule> rules;
  const auto& array = it->second.as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (auto rule = parse_hold_rule(p, array[i], i)) rules.push_back(*rule);
  }
  std::sort(rules.begin(), rules.end(), [](const HoldRule& a, const HoldRule& b) { return a.from < b.from; });
  for (std::size_t i = 1; i < rules.size(); ++i) {
    if (rules[i].from == rules[i - 1].from) {
      p.error("KS02", "review.hold", rules[i].from.str(),
              fmt::format("review.hold に {} が2回あります", rules[i].from.str()),
              fmt::format("review.hold lists {} twice", rules[i].from.str()));
    }
  }
  r.hold = std::move(rules);
}

std::optional<FeeRule> parse_fee_rule(SettingsParser& p, const toml::value& v, std::size_t index) {
  std::string path = fmt::format("settlement.fees[{}]", index);
  constexpr std::string_view shape = "{ kind = \"certificate\" | \"careplan_license\", from = \"YYYYMMDD\", yen = N }";
  if (!v.is_table()) {
    p.error("KS02", path, toml::format(v), fmt::format("{} は {} で指定してください", path, shape),
            fmt::format("{} must be {}", path, shape));
    return std::nullopt;
  }
  const auto& t = v.as_table();
  p.unknown_keys(t, path, {"kind", "from", "yen"});
  auto kind = p.word(t, "kind", path + ".kind", kFeeKinds);
  auto from = p.string(t, "from", path + ".from");
  auto yen = p.integer(t, "yen", path + ".yen", 0, 10'000'000);
  auto day = from ? Date::parse(*from) : std::nullopt;
  if (from && !day) {
    p.error("KS02", path + ".from", *from, fmt::format("{}.from は \"YYYYMMDD\" で指定してください", path),
            fmt::format("{}.from must be \"YYYYMMDD\"", path));
  }
  const bool kind_written = t.count("kind") && t.at("kind").is_string();
  if (!kind_written || !from || !t.count("yen")) {
    p.error("KS02", path, toml::format(v), fmt::format("{} には kind, from, yen のすべてが必要です", path),
            fmt::format("{} needs kind, from and yen", path));
  }
  if (!kind || !day || !yen) return std::nullopt;
  return FeeRule{*kind, *day, Yen{*yen}};
}

void parse_fees(SettingsParser& p, const toml::value& v, SettlementSettings& s) {
  if (!v.is_array()) {
    p.error("KS02", "settlement.fees", toml::format(v), "settlement.fees は配列で指定してください",
            "settlement.fees must be an array");
    return;
  }
  std::vector<FeeRule> rules;
  const auto& array = v.as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (auto rule = parse_fee_rule(p, array[i], i)) rules.push_back(*rule);
  }
  std::sort(rules.begin(), rules.end(),
            [](const FeeRule& a, const FeeRule& b) { return std::tie(a.kind, a.from) < std::tie(b.kind, b.from); });
  for (std::size_t i = 1; i < rules.size(); ++i) {
    if (rules[i].kind == rules[i - 1].kind && rules[i].from == rules[i - 1].from) {
      auto what = fmt::format("{} {}", enum_code(rules[i].kind), rules[i].from.str());
      p.error("KS02", "settlement.fees", what, fmt::format("settlement.fees に {} が2回あります", what),
              fmt::format("settlement.fees lists {} twice", what));
    }
  }
  s.fees = std::move(rules);
}

void parse_settlement(SettingsParser& p, const toml::table& t, SettlementSettings& s) {
  p.unknown_keys(t, "settlement", {"negative", "fees", "committee", "message"});
  if (auto m = p.word(t, "negative", "settlement.negative", kNegativePayments)) s.negative = *m;
  if (auto c = p.string(t, "committee", "settlement.committee")) s.committee = *c;
  if (auto m = p.string(t, "message", "settlement.message")) s.message = *m;
  if (auto it = t.find("fees"); it != t.end()) parse_fees(p, it->second, s);
}

void parse_auth(SettingsParser& p, const toml::table& t, AuthSettings& a) {
  p.unknown_keys(t, "auth",
                 {"password_min_length", "security_code_min_length", "password_ops", "password_mem_kib",
                  "max_failed_logins", "lock_minutes", "session_idle_minutes", "session_max_hours", "reset_minutes",
                  "reset_base_url", "mail_relay", "mail_from", "mail_starttls", "mail_timeout_seconds",
                  "certificate_days", "ca_days", "server_certificate_days", "max_offices"});
  auto integer = [&](const char* key, std::int64_t lo, std::int64_t hi, auto& target) {
    if (auto v = p.integer(t, key, fmt::format("auth.{}", key), lo, hi)) {
      target = static_cast<std::remove_reference_t<decltype(target)>>(*v);
    }
  };
  integer("password_min_length", 8, 128, a.password_min_length);
  integer("security_code_min_length", 4, 128, a.security_code_min_length);
  integer("password_ops", 1, 20, a.password_ops);
  integer("password_mem_kib", 1024, 4 * 1024 * 1024, a.password_mem_kib);
  integer("max_failed_logins", 1, 100, a.max_failed_logins);
  integer("lock_minutes", 1, 7 * 24 * 60, a.lock_minutes);
  integer("session_idle_minutes", 1, 24 * 60, a.session_idle_minutes);
  integer("session_max_hours", 1, 24 * 7, a.session_max_hours);
  integer("reset_minutes", 1, 24 * 60, a.reset_minutes);
  integer("mail_timeout_seconds", 1, 600, a.mail_timeout_seconds);
  integer("certificate_days", 1, 3650, a.certificate_days);
  integer("ca_days", 1, 36500, a.ca_days);
  integer("server_certificate_days", 1, 3650, a.server_certificate_days);
  integer("max_offices", 1, 100, a.max_offices);
  if (auto url = p.string(t, "reset_base_url", "auth.reset_base_url")) {
    if (!url->starts_with("https://") && !url->starts_with("http://")) {
      p.error("KS02", "auth.reset_base_url", *url, "auth.reset_base_url は https:// か http:// で始めてください",
              "auth.reset_base_url must start with https:// or http://");
    } else {
      while (url->ends_with('/')) url->pop_back();
      a.reset_base_url = *url;
    }
  }
  if (auto relay = p.string(t, "mail_relay", "auth.mail_relay")) {
    auto colon = relay->rfind(':');
    auto port = colon == std::string::npos ? std::nullopt : parse_int(std::string_view(*relay).substr(colon + 1));
    if (colon == 0 || !port || *port < 1 || *port > 65535 || relay->find_first_of(" /@") != std::string::npos) {
      p.error("KS02", "auth.mail_relay", *relay, "auth.mail_relay は \"ホスト:ポート\" で指定してください",
              "auth.mail_relay must be \"host:port\"");
    } else {
      a.mail_relay = *relay;
    }
  }
  if (auto from = p.string(t, "mail_from", "auth.mail_from")) {
    if (from->find('@') == std::string::npos || from->find_first_of(" \r\n<>") != std::string::npos) {
      p.error("KS02", "auth.mail_from", *from, "auth.mail_from はメールアドレスで指定してください",
              "auth.mail_from must be a mail address");
    } else {
      a.mail_from = *from;
    }
  }
  if (auto it = t.find("mail_starttls"); it != t.end()) {
    if (!it->second.is_boolean()) {
      p.error("KS02", "auth.mail_starttls", toml::format(it->second), "auth.mail_starttls は true か false です",
              "auth.mail_starttls is true or false");
    } else {
      a.mail_starttls = it->second.as_boolean();
    }
  }
}

}  // namespace

std::optional<Yen> SettlementSettings::fee(FeeKind kind, Date applied_on) const {
  std::optional<Yen> amount;
  Date latest{};
  for (const auto& rule : fees) {
    if (rule.kind == kind && rule.from <= applied_on && (!amount || latest <= rule.from)) {
      amount = rule.amount;
      latest = rule.from;
    }
  }
  return amount;
}

std::optional<int> ReviewSettings::hold_months(YearMonth review_month) const {
  const HoldRule* in_force = nullptr;
  for (const auto& rule : hold) {
    if (rule.from <= review_month && (in_force == nullptr || in_force->from < rule.from)) in_force = &rule;
  }
  return in_force ? std::optional<int>(in_force->months) : std::nullopt;
}

SettingsResult parse_settings(std::string_view text, const std::string& file_name) {
  SettingsResult result;
  SettingsParser p(file_name, result.diagnostics);
  toml::value root;
  try {
    std::istringstream in{std::string(text)};
    root = toml::parse(in, file_name);
  } catch (const std::exception& e) {
    p.error("KS01", "", "", fmt::format("設定ファイルを解釈できません: {}", e.what()),
            fmt::format("cannot parse the settings file: {}", e.what()));
    return result;
  }
  Settings s;
  const auto& table = root.as_table();
  p.unknown_keys(table, "", {"name", "reception", "review", "settlement", "files", "auth", "platform", "careplan"});
  if (auto name = p.string(table, "name", "name")) s.name = *name;
  for (auto [key, parse] : {std::pair{"reception", 0}, std::pair{"review", 1}, std::pair{"settlement", 2},
                            std::pair{"files", 3}, std::pair{"auth", 4}, std::pair{"platform", 5},
                            std::pair{"careplan", 6}}) {
    auto it = table.find(key);
    if (it == table.end()) continue;
    if (!it->second.is_table()) {
      p.error("KS02", key, toml::format(it->second), fmt::format("[{}] は表で指定してください", key),
              fmt::format("[{}] must be a table", key));
      continue;
    }
    if (parse == 0) {
      parse_reception(p, it->second.as_table(), s.reception);
    } else if (parse == 1) {
      parse_review(p, it->second.as_table(), s.review);
    } else if (parse == 2) {
      parse_settlement(p, it->second.as_table(), s.settlement);
    } else if (parse == 3) {
      parse_files(p, it->second.as_table(), s.files);
    } else if (parse == 4) {
      parse_auth(p, it->second.as_table(), s.auth);
    } else if (parse == 5) {
      parse_platform(p, it->second.as_table(), s.platform);
    } else {
      parse_careplan(p, it->second.as_table(), s.careplan);
    }
  }
  if (!p.failed()) result.settings = std::move(s);
  return result;
}

}  // namespace kaigo
