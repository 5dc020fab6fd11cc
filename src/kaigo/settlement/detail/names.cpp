#include "kaigo/settlement/detail/names.hpp"

#include "kaigo/settlement/detail/claim_money.hpp"

namespace kaigo::settlement {

OfficeInfo Names::office(std::string_view office_no, YearMonth month) const {
  OfficeInfo info;
  info.office_no = std::string(office_no);
  const auto* o = ctx_.offices.find_any(office_no, month);
  if (!o) return info;
  info.name = o->name;
  info.postal_code = o->postal_code;
  info.address = o->address;
  info.owner_name = o->owner_name;
  info.bank_name = o->bank_name;
  info.bank_branch = o->bank_branch;
  return info;
}

std::string Names::insurer_name(std::string_view insurer_no, YearMonth month) const {
  const auto* i = ctx_.insurers.find(insurer_no, month);
  return i ? i->name : std::string();
}

std::string Names::name_kana(std::string_view insurer_no, std::string_view insured_no, YearMonth month) const {
  auto versions = ctx_.recipients.in_month(master::normalize_insurer_no(insurer_no), insured_no, month);
  return versions.empty() ? std::string() : std::string(versions.back()->name_kana);
}

std::string Names::service_code_name(std::string_view insurer_no, const billing::DetailLine& line,
                                     YearMonth month) const {
  const auto* c = ctx_.masters.service_code(line.priced_by(insurer_no), line.service_type, line.item_code, month);
  return c ? c->name : std::string();
}

std::string Names::service_type_name(std::string_view service_type, YearMonth month) const {
  if (service_type == kFacilityServiceType) return "特定入所者介護サービス費等";  // [INF] no master entry
  const auto* t = ctx_.masters.service_types.find(service_type, month);
  return t ? t->name : std::string();
}

ClaimPartColumns Names::claim_part(std::string claim_id, const PayerPart& p, const billing::StatementKey& key,
                                   const std::string& kana) const {
  ClaimPartColumns c;
  c.claim_id = std::move(claim_id);
  c.payer_no = p.payer_no;
  c.payer_name = p.fund ? std::string() : insurer_name(key.insurer_no, key.service_month);
  c.fund = p.fund;
  c.insured_no = key.insured_no;
  c.name_kana = kana;
  c.service_month = key.service_month;
  c.service_type = p.service_type;
  c.service_type_name = service_type_name(p.service_type, key.service_month);
  return c;
}

}  // namespace kaigo::settlement
