#include "kaigo/review/keys.hpp"

#include "kaigo/master/ledgers.hpp"

namespace kaigo::review {
namespace {

void append_month(std::string& out, YearMonth m) {
  // YYYYMM without allocating a temporary.
  char buf[6];
  int y = m.year;
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + y % 10);
    y /= 10;
  }
  buf[4] = static_cast<char>('0' + m.month / 10);
  buf[5] = static_cast<char>('0' + m.month % 10);
  out.append(buf, 6);
}

}  // namespace

std::string claim_key(const billing::StatementKey& k) {
  const std::string_view insurer = master::normalize_insurer_no(k.insurer_no);
  std::string out;
  out.reserve(k.form_id.size() + k.office_no.size() + insurer.size() + k.insured_no.size() + 10);
  out.append(k.form_id).push_back('|');
  append_month(out, k.service_month);
  out.append("|").append(k.office_no).append("|").append(insurer).append("|").append(k.insured_no);
  return out;
}

std::string person_month_key(std::string_view insurer_no, std::string_view insured_no, YearMonth month) {
  const std::string_view insurer = master::normalize_insurer_no(insurer_no);
  std::string out;
  out.reserve(insurer.size() + insured_no.size() + 8);
  out.append(insurer).append("|").append(insured_no).append("|");
  append_month(out, month);
  return out;
}

}  // namespace kaigo::review
