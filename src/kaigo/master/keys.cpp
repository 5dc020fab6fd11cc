#include "kaigo/master/keys.hpp"

namespace kaigo::master {

std::string_view normalize_insurer_no(std::string_view no) {
  if (no.size() == 8 && no.substr(0, 2) == "00") no.remove_prefix(2);
  return no;
}

std::optional<PersonKey> PersonKey::of(std::string_view insurer_no, std::string_view insured_no) {
  auto insurer = FixedText<8>::of(normalize_insurer_no(insurer_no));
  auto insured = FixedText<10>::of(insured_no);
  if (!insurer || !insured) return std::nullopt;
  PersonKey k;
  k.insurer_ = *insurer;
  k.insured_ = *insured;
  return k;
}

std::string PersonKey::text() const {
  std::string t(insurer_no());
  t += ' ';
  t += insured_no();
  return t;
}

std::optional<OfficeServiceKey> OfficeServiceKey::of(std::string_view office_no, std::string_view service_type) {
  auto office = FixedText<10>::of(office_no);
  auto type = FixedText<2>::of(service_type);
  if (!office || !type) return std::nullopt;
  OfficeServiceKey k;
  k.office_ = *office;
  k.type_ = *type;
  return k;
}

std::string OfficeServiceKey::text() const {
  std::string t(office_no());
  t += ' ';
  t += service_type();
  return t;
}

std::optional<SougouCodeKey> SougouCodeKey::of(std::string_view insurer_no, std::string_view code6) {
  auto insurer = FixedText<8>::of(normalize_insurer_no(insurer_no));
  auto code = FixedText<6>::of(code6);
  if (!insurer || !code) return std::nullopt;
  SougouCodeKey k;
  k.insurer_ = *insurer;
  k.code_ = *code;
  return k;
}

std::string SougouCodeKey::text() const {
  std::string t(insurer_no());
  t += ' ';
  t += code();
  return t;
}

}  // namespace kaigo::master
