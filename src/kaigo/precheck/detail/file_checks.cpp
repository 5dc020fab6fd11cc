#include "kaigo/precheck/detail/file_checks.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "kaigo/precheck/detail/record_checks.hpp"

namespace kaigo::precheck {
namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// The データ種別 of files a provider sends: those of the inbound forms (forms.tsv).
bool inbound_data_type(std::string_view data_type) {
  const auto& forms = exchange::Registry::instance().forms();
  return std::any_of(forms.begin(), forms.end(),
                     [&](const exchange::Form& f) { return f.inbound && f.data_type == data_type; });
}

}  // namespace

void check_file_name(const CheckEnv& env, std::string_view name) {
  if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const RuleSettings& s = env.rules.settings();
  auto dot = name.rfind('.');
  std::string_view stem = dot == std::string_view::npos ? name : name.substr(0, dot);
  std::string ext = dot == std::string_view::npos ? std::string() : upper(name.substr(dot + 1));
  bool ok = !stem.empty() && stem.size() <= s.file_name_max_stem && std::all_of(stem.begin(), stem.end(), ascii_alnum) &&
            std::find(s.file_name_extensions.begin(), s.file_name_extensions.end(), ext) != s.file_name_extensions.end();
  if (ok) return;
  ErrorRow row;
  row.level = Level::Transmission;
  row.code = "KP01";
  row.file = std::string(name);
  row.item_name = "ファイル名";
  row.value = std::string(name);  // a file-system name, already UTF-8
  row.message_ja = fmt::format("ファイル名が規約に沿っていない（半角英数字{}文字以内＋.{}）", s.file_name_max_stem,
                               s.file_name_extensions.empty() ? std::string() : s.file_name_extensions.front());
  row.message_en = fmt::format("the file name breaks the naming rule (at most {} half-width letters or digits + .{})",
                               s.file_name_max_stem,
                               s.file_name_extensions.empty() ? std::string() : s.file_name_extensions.front());
  env.findings.add_row(std::move(row));
}

bool looks_binary(std::string_view head) { return std::memchr(head.data(), '\0', head.size()) != nullptr; }

void check_control(const CheckEnv& env, const exchange::ControlRecord& control, const exchange::Record& record) {
  std::string_view data_type = control.data_type();
  if (!data_type.empty() && !inbound_data_type(data_type)) {
    env.findings.add(Level::Transmission, "KP04", nullptr, &record, 5);
  }
  std::string_view month = control.processing_month();
  if (env.context.processing_month) {
    auto written = YearMonth::parse(month);
    if (written && *written != *env.context.processing_month) {
      env.findings.add(Level::External, "KP11", nullptr, &record, 11,
                       fmt::format("受付中の処理年月 {}", env.context.processing_month->str()),
                       fmt::format("receiving {}", env.context.processing_month->str()));
    }
  }
  std::string_view office = control.office_no();
  if (env.context.offices != nullptr && !office.empty() && !env.context.offices->known(office)) {
    env.findings.add(Level::External, "KP12", nullptr, &record, 8);
  }
  check_item_rules(env, RuleFamily::Control, record, nullptr, nullptr, Level::External);
}

}  // namespace kaigo::precheck
