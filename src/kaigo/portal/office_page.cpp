#include "kaigo/portal/office_page.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "kaigo/settlement/office_month.hpp"
#include "kaigo/settlement/payment.hpp"

namespace kaigo::portal {
namespace {

constexpr std::string_view kCertificateSource = "certificate:";

std::vector<ServiceLine> services_of(const PageSources& src, std::string_view office_no, Date day, std::string& name) {
  std::vector<ServiceLine> out;
  const auto& schemes = Schemes::bundled();
  const Scheme* office_scheme = nullptr;
  for (const auto& s : schemes.all()) {
    if (s.program == Program::Office && (!office_scheme || s.apply_from <= day)) office_scheme = &s;
  }
  for (const auto& type : registered_services(src.offices, office_no, day)) {
    ServiceLine line{type, {}, {}};
    if (src.masters) {
      if (const auto* t = src.masters->service_types.find(type, day.year_month())) line.service_name = t->name;
    }
    auto cls = schemes.service_class(type);
    if (cls && office_scheme) {
      if (const auto* l = office_scheme->limit(*cls)) line.subsidy_class = l->name;
    }
    out.push_back(std::move(line));
  }
  src.offices.table().for_each([&](const auto&, const master::Office& o) {
    if (o.office_no == office_no && (name.empty() || o.period.contains(day))) name = o.name;
  });
  return out;
}

std::vector<auth::AccountSummary> accounts_of(PageSources& src, std::string_view office_no) {
  std::vector<auth::AccountSummary> out;
  for (auto& a : src.accounts.list()) {
    if (a.user.role == auth::Role::Office && a.user.acts_for_office(office_no)) out.push_back(std::move(a));
  }
  // The office's own accounts (one office) before the 代理請求 groups it belongs to.
  std::stable_sort(out.begin(), out.end(), [](const auth::AccountSummary& a, const auth::AccountSummary& b) {
    return a.user.offices.size() < b.user.offices.size();
  });
  return out;
}

std::vector<CertificateLine> certificates_of(PageSources& src, std::string_view office_no,
                                             const std::vector<FeeRecord>& fees, const LocalDateTime& at) {
  std::vector<CertificateLine> out;
  for (const auto& c : src.certificates.certificates()) {
    if (std::find(c.offices.begin(), c.offices.end(), office_no) == c.offices.end()) continue;
    CertificateLine line;
    line.serial = c.serial;
    line.applicant = c.office_no == office_no;
    line.offices = c.offices.size();
    line.applied_on = c.applied_on;
    line.not_before = c.not_before;
    line.not_after = c.not_after;
    line.state = auth::state_at(c, at);
    line.days_left = std::max<std::int64_t>(0, (c.not_after.serial_seconds() - at.serial_seconds()) / 86400);
    for (const auto& f : fees) {
      if (f.source == std::string(kCertificateSource) + c.serial) {
        line.fee_month = f.fee.month;
        line.fee = src.settings.settlement.fee(FeeKind::Certificate, f.fee.charge.applied_on);
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

// The fees of each month priced and charged as settlement charges them (one call of its payment
// arithmetic per month with the charges alone), and whether that month's 7513 was issued.
std::vector<FeeMonth> fee_months(PageSources& src, std::string_view office_no, const std::vector<FeeRecord>& fees) {
  std::map<YearMonth, FeeMonth> months;
  for (const auto& f : fees) {
    auto& m = months[f.fee.month];
    m.month = f.fee.month;
    m.charges.push_back(f);
  }
  for (const auto& p : src.records.payments_of(office_no)) {
    auto& m = months[p.month];
    m.month = p.month;
    m.settled = true;
    m.transfer = p.transfer;
  }
  std::vector<FeeMonth> out;
  for (auto& [month, m] : months) {
    settlement::OfficeMonth om;
    om.office_no = std::string(office_no);
    om.month = month;
    for (const auto& c : m.charges) om.charges.push_back(c.fee.charge);
    std::vector<settlement::SettlementNote> notes;
    auto pay = settlement::office_payment(om, src.settings.settlement, notes);
    m.certificate_fee = pay.certificate_fee;
    m.license_fee = pay.license_fee;
    for (const auto& n : notes) m.notes_ja.push_back(n.message_ja);
    out.push_back(std::move(m));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

bool may_view_office(const auth::User& user, std::string_view office_no) {
  if (user.is_kokuhoren() || user.is_admin()) return true;
  return user.role == auth::Role::Office && user.acts_for_office(office_no);
}

PageResult office_page(PageSources& src, std::string_view office_no, const auth::User& user, const LocalDateTime& at) {
  PageResult out;
  if (!may_view_office(user, office_no)) {
    out.refusals.push_back({"KH40", "マイページは事業所自身と国保連だけ",
                            fmt::format("事業所番号 {} のページは見られません", office_no),
                            fmt::format("no page of office {} for this account", office_no)});
    return out;
  }
  if (!src.offices.known(office_no)) {
    out.refusals.push_back({"KH50", "事業所台帳", fmt::format("事業所番号 {} は事業所台帳にありません", office_no),
                            fmt::format("office {} is not in the office ledger", office_no)});
    return out;
  }
  OfficePage page;
  page.office_no = std::string(office_no);
  page.at = at;
  page.services = services_of(src, office_no, at.date, page.name);
  page.accounts = accounts_of(src, office_no);
  const auto fees = src.records.fees_of(office_no);
  page.certificates = certificates_of(src, office_no, fees, at);
  page.licences_connected = src.licences != nullptr;
  if (src.licences) page.licences = src.licences->licences_of(office_no);
  page.fees = fee_months(src, office_no, fees);
  ApplicationFilter filter;
  filter.program = Program::Office;
  filter.applicant_no = std::string(office_no);
  page.subsidies = visible_applications(src.subsidies, user, filter);
  page.letters = src.records.letters_of(office_no);
  out.page = std::move(page);
  return out;
}

}  // namespace kaigo::portal
