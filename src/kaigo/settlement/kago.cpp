#include "kaigo/settlement/kago.hpp"

#include <array>
#include <fmt/format.h>

#include "kaigo/billing/keys.hpp"
#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/settlement/detail/one_row_per_claim.hpp"

namespace kaigo::settlement {
namespace {

struct Tables {
  std::vector<KagoReason> reasons;
  std::vector<KagoForm> forms;
};

std::vector<std::vector<std::string_view>> tsv_rows(std::string_view path) {
  auto bytes = embedded::find(path);
  if (!bytes) throw std::logic_error(fmt::format("embedded table missing: {}", path));
  std::vector<std::vector<std::string_view>> rows;
  auto all = lines(*bytes);
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (!all[i].empty()) rows.push_back(split(all[i], '\t'));
  }
  return rows;
}

const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    for (const auto& r : tsv_rows("src/kaigo/settlement/kago_reasons.tsv")) {
      out.reasons.push_back({std::string(r.at(0)), std::string(r.at(1)), r.at(2) == "1", std::string(r.at(3))});
    }
    for (const auto& r : tsv_rows("src/kaigo/settlement/kago_forms.tsv")) {
      out.forms.push_back({std::string(r.at(0)), std::string(r.at(1)), r.at(2) == "sougou", std::string(r.at(3))});
    }
    return out;
  }();
  return t;
}

enum Col : std::size_t { kInsurer, kOffice, kInsured, kMonth, kForm, kCode, kFiled };
constexpr std::array<master::Column, 7> kColumns{{
    {"insurer_no", "証記載保険者番号"},
    {"office_no", "事業所番号"},
    {"insured_no", "被保険者番号"},
    {"service_month", "サービス提供年月"},
    {"form_no", "交換情報識別番号"},
    {"kago_code", "申立事由コード"},
    {"filed_on", "申立年月日"},
}};

// The 明細書 form of the request: the one given (which must fit the 様式番号) or the 介護給付 one.
const KagoForm* form_of(master::RowReader& r, std::string_view kago_form, std::string_view given) {
  auto forms = kago_forms_of(kago_form);
  if (forms.empty()) {
    r.fail(kCode, code::kUnknownForm,
           fmt::format("過誤様式番号「{}」は過誤申立コード表にありません", kago_form),
           fmt::format("過誤様式番号 {} is not in the code table (seed 002 §7(3)(A))", kago_form));
    return nullptr;
  }
  if (given.empty()) return forms.front();
  for (const auto* f : forms) {
    if (f->form_id == given) return f;
  }
  r.fail(kForm, code::kFormMismatch,
         fmt::format("交換情報識別番号 {} は過誤様式番号 {} の明細書ではありません（{}）", given, kago_form,
                     forms.front()->form_id),
         fmt::format("form {} is not a 明細書 of 過誤様式番号 {} (expected {})", given, kago_form, forms.front()->form_id));
  return nullptr;
}

std::optional<KagoRequest> read_row(master::RowReader& r) {
  auto insurer = r.digits(kInsurer, 6, 8, true);
  auto office = r.alnum(kOffice, 10, true);
  auto insured = r.alnum(kInsured, 10, true);
  auto month = r.year_month(kMonth, true);
  auto given = r.text(kForm).empty() ? std::optional<std::string_view>(std::string_view{}) : r.alnum(kForm, 4, false);
  auto code4 = r.alnum(kCode, 4, true);
  auto filed = r.date(kFiled, true);
  if (!r.ok() || !insurer || !office || !insured || !month || !given || !code4 || !filed) return std::nullopt;
  const auto* reason = find_kago_reason(code4->substr(2));
  if (!reason) {
    r.fail(kCode, code::kUnknownReason, fmt::format("申立理由番号「{}」は過誤申立コード表にありません", code4->substr(2)),
           fmt::format("申立理由番号 {} is not in the code table (seed 002 §7(3)(B))", code4->substr(2)));
  }
  const auto* form = form_of(r, code4->substr(0, 2), *given);
  if (!reason || !form) return std::nullopt;
  KagoRequest k;
  k.key = {form->form_id, *month, std::string(*office), std::string(*insurer), std::string(*insured)};
  k.kago_code = std::string(*code4);
  k.filed_on = *filed;
  k.same_month = reason->same_month;
  k.reason_name = reason->name;
  k.line = r.line();
  return k;
}

}  // namespace

const KagoReason* find_kago_reason(std::string_view reason) {
  for (const auto& r : tables().reasons) {
    if (r.code == reason) return &r;
  }
  return nullptr;
}

std::vector<const KagoForm*> kago_forms_of(std::string_view kago_form) {
  std::vector<const KagoForm*> out;
  for (const auto& f : tables().forms) {
    if (f.kago_form == kago_form && !f.sougou) out.push_back(&f);
  }
  for (const auto& f : tables().forms) {
    if (f.kago_form == kago_form && f.sougou) out.push_back(&f);
  }
  return out;
}

const KagoForm* kago_form_for(std::string_view form_id) {
  for (const auto& f : tables().forms) {
    if (f.form_id == form_id) return &f;
  }
  return nullptr;
}

master::LoadResult<std::vector<KagoRequest>> load_kago(std::string_view text, const std::string& file_name) {
  return detail::load_one_row_per_claim<KagoRequest>(
      text, file_name, {kColumns}, read_row,
      {kInsured, code::kDuplicate, "同じ明細書への過誤申立が2行あります", "two 過誤 requests for the same 明細書"});
}

}  // namespace kaigo::settlement
