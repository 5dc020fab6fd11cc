#include "kaigo/billing/keys.hpp"

#include <stdexcept>

#include <fmt/format.h>


namespace kaigo::billing {
namespace {

[[noreturn]] void too_long(std::string_view what, const StatementKey& k) {
  throw std::invalid_argument(fmt::format("{}が長すぎます（{} {} {} {} {}） / {} is too long", what, k.form_id,
                                          k.service_month.str(), k.office_no, k.insurer_no, k.insured_no, what));
}

}  // namespace

std::optional<PersonMonthKey> PersonMonthKey::of(std::string_view insurer_no, std::string_view insured_no,
                                                 YearMonth month) {
  auto person = master::PersonKey::of(insurer_no, insured_no);
  if (!person) return std::nullopt;
  PersonMonthKey k;
  k.person_ = *person;
  k.month_ = month;
  return k;
}

PersonMonthKey PersonMonthKey::from(const StatementKey& k) {
  auto key = of(k);
  if (!key) too_long("証記載保険者番号・被保険者番号", k);
  return *key;
}

PersonMonthKey PersonMonthKey::from(const BenefitPlan& p) {
  auto key = of(p);
  if (!key) too_long("証記載保険者番号・被保険者番号", {"8222", p.service_month, p.support_office_no.str(), p.insurer_no.str(), p.insured_no.str()});
  return *key;
}

std::size_t PersonMonthKey::hash() const {
  KeyHasher h;
  return person_.hash_into(h).add(month_).value();
}

std::optional<ClaimKey> ClaimKey::of(const StatementKey& k) {
  auto form = FixedText<4>::of(k.form_id);
  auto office = FixedText<10>::of(k.office_no);
  auto person = PersonMonthKey::of(k);
  if (!form || !office || !person) return std::nullopt;
  ClaimKey c;
  c.form_ = *form;
  c.office_ = *office;
  c.person_ = *person;
  return c;
}

ClaimKey ClaimKey::from(const StatementKey& k) {
  auto key = of(k);
  if (!key) too_long("明細書のキー", k);
  return *key;
}

std::size_t ClaimKey::hash() const {
  return KeyHasher().add(form_id()).add(office_no()).add(insurer_no()).add(insured_no()).add(service_month()).value();
}

}  // namespace kaigo::billing
