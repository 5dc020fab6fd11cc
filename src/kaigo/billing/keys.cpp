#include "kaigo/billing/keys.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/master/ledgers.hpp"

namespace kaigo::billing {
namespace {

// FNV-1a over the items and the month, each item closed by a separator byte.
class Hasher {
 public:
  Hasher& add(std::string_view s) {
    for (char c : s) mix(static_cast<unsigned char>(c));
    mix(0x1F);
    return *this;
  }
  Hasher& add(YearMonth m) {
    mix(static_cast<unsigned char>(m.year & 0xFF));
    mix(static_cast<unsigned char>(m.year >> 8));
    mix(static_cast<unsigned char>(m.month));
    return *this;
  }
  std::size_t value() const { return static_cast<std::size_t>(h_); }

 private:
  void mix(unsigned char c) { h_ = (h_ ^ c) * 0x100000001b3ULL; }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

[[noreturn]] void too_long(std::string_view what, const StatementKey& k) {
  throw std::invalid_argument(fmt::format("{}が長すぎます（{} {} {} {} {}） / {} is too long", what, k.form_id,
                                          k.service_month.str(), k.office_no, k.insurer_no, k.insured_no, what));
}

}  // namespace

std::optional<PersonMonthKey> PersonMonthKey::of(std::string_view insurer_no, std::string_view insured_no,
                                                 YearMonth month) {
  auto insurer = FixedText<8>::of(master::normalize_insurer_no(insurer_no));
  auto insured = FixedText<10>::of(insured_no);
  if (!insurer || !insured) return std::nullopt;
  PersonMonthKey k;
  k.insurer_ = *insurer;
  k.insured_ = *insured;
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
  if (!key) too_long("証記載保険者番号・被保険者番号", {"8222", p.service_month, p.support_office_no, p.insurer_no, p.insured_no});
  return *key;
}

std::size_t PersonMonthKey::hash() const { return Hasher().add(insurer_no()).add(insured_no()).add(month_).value(); }

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
  return Hasher().add(form_id()).add(office_no()).add(insurer_no()).add(insured_no()).add(service_month()).value();
}

}  // namespace kaigo::billing
