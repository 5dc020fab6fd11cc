#include "kaigo/settlement/payment.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"

namespace kaigo::settlement {
namespace {

using PayerKey = std::tuple<Program, bool, std::string>;  // program, 公費, payer number

struct Payers {
  std::map<PayerKey, PayerPayment> by;

  PayerPayment& of(Program program, const PayerPart& p) {
    auto& pp = by[{program, p.fund, p.payer_no}];
    pp.program = program;
    pp.fund = p.fund;
    pp.payer_no = p.payer_no;
    return pp;
  }
};

void collect(const OfficeMonth& om, Payers& payers) {
  for (const auto* c : om.claims) {
    const Program program = program_of(c->statement.key.form_id);
    for (const auto& p : payer_parts(*c, Side::Decided)) payers.of(program, p).decided += p.benefit;
  }
  for (const auto* w : om.withdrawals) {
    const Program program = program_of(w->claim.statement.key.form_id);
    for (const auto& p : payer_parts(w->claim, Side::Decided)) payers.of(program, p).withdrawn += p.benefit;
  }
  for (const auto* r : om.rereviews) {
    for (const auto& p : payer_parts(r->statement, r->after, Side::Decided)) payers.of(r->program, p).restored += p.benefit;
    for (const auto& p : payer_parts(r->statement, r->before, Side::Decided)) payers.of(r->program, p).restored -= p.benefit;
  }
}

void charge_fees(const OfficeMonth& om, const SettlementSettings& settings, OfficePayment& pay,
                 std::vector<SettlementNote>& notes) {
  auto charges = om.charges;
  std::sort(charges.begin(), charges.end(),
            [](const FeeCharge& a, const FeeCharge& b) { return std::tie(a.kind, a.applied_on) < std::tie(b.kind, b.applied_on); });
  bool licensed = false;
  for (const auto& c : charges) {
    const auto name = enum_code(c.kind);
    if (c.kind == FeeKind::CarePlanLicense && licensed) {
      // One license per office number and year (seed 001 §7): a second one in the same month is a duplicate.
      notes.push_back({om.office_no, fmt::format("ライセンス料の二重請求を除きました（申込日 {}）", c.applied_on.str()),
                       fmt::format("a second license fee in one month was dropped (applied {})", c.applied_on.str())});
      continue;
    }
    const auto fee = settings.fee(c.kind, c.applied_on);
    if (!fee) {
      notes.push_back({om.office_no, fmt::format("手数料 {} の {} 時点の金額が設定にありません", name, c.applied_on.str()),
                       fmt::format("no {} fee is set for applications of {}", name, c.applied_on.str())});
      continue;
    }
    (c.kind == FeeKind::Certificate ? pay.certificate_fee : pay.license_fee) += *fee;
    licensed = licensed || c.kind == FeeKind::CarePlanLicense;
    pay.charges.push_back(c);
  }
}

}  // namespace

bool OfficePayment::present() const {
  return !payers.empty() || certificate_fee != Yen{} || license_fee != Yen{} || carried_in != Yen{};
}

OfficePayment office_payment(const OfficeMonth& om, const SettlementSettings& settings, std::vector<SettlementNote>& notes) {
  OfficePayment pay;
  Payers payers;
  collect(om, payers);
  for (auto& [key, p] : payers.by) {
    auto& program = p.program == Program::Care ? pay.care : pay.sougou;
    program.decided += p.decided;
    program.withdrawn += p.withdrawn;
    program.restored += p.restored;
    pay.payers.push_back(std::move(p));
  }
  charge_fees(om, settings, pay, notes);
  pay.carried_in = om.carried_in;
  pay.total = pay.care.net() + pay.sougou.net() - pay.certificate_fee;
  pay.net = pay.total - pay.license_fee - pay.carried_in;
  if (pay.net >= Yen{}) {
    pay.transfer = pay.net;
  } else if (settings.negative == NegativePayment::Carry) {
    pay.carried_out = Yen{-pay.net.value};
  } else {
    pay.billed = Yen{-pay.net.value};
  }
  return pay;
}

}  // namespace kaigo::settlement
