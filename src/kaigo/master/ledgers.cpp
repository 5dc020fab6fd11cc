#include "kaigo/master/ledgers.hpp"

#include <algorithm>
#include <array>

#include "kaigo/master/care_limits.hpp"

namespace kaigo::master {
namespace {

constexpr std::array<std::string_view, 5> kDesignations{"1", "2", "3", "4", "5"};
constexpr std::array<std::string_view, 2> kSexes{"1", "2"};
constexpr std::array<std::string_view, 2> kFlags{"0", "1"};
constexpr std::array<std::string_view, 4> kPlanKinds{"1", "2", "3", "4"};

// ---- offices.csv --------------------------------------------------------------------------------
enum OfficeCol : std::size_t {
  kONo, kOType, kOName, kODesignation, kOFrom, kOTo, kORegion, kOMunicipality, kOPostal, kOAddress, kOOwner,
  kOBank, kOBranch
};
constexpr std::array<Column, 13> kOfficeColumns{{
    {"office_no", "事業所番号"},
    {"service_type", "サービス種類コード"},
    {"name", "事業所名称"},
    {"designation", "指定／基準該当等事業所区分"},
    kValidFromColumn,
    kValidToColumn,
    {"region_class", "地域区分"},
    {"municipality_code", "所在市町村コード"},
    {"postal_code", "郵便番号"},
    {"address", "所在地"},
    {"owner_name", "開設者名"},
    {"bank_name", "金融機関名"},
    {"bank_branch", "支店名"},
}};

// ---- insurers.csv -------------------------------------------------------------------------------
enum InsurerCol : std::size_t { kINo, kIName, kIFrom, kITo };
constexpr std::array<Column, 4> kInsurerColumns{{
    {"insurer_no", "保険者番号"},
    {"name", "保険者名"},
    kValidFromColumn,
    kValidToColumn,
}};

// ---- recipients.csv -----------------------------------------------------------------------------
enum RecipientCol : std::size_t {
  kRInsurer, kRInsured, kRKana, kRBirth, kRSex, kRLevel, kRCertFrom, kRCertTo, kRPending, kRRate, kRLimit,
  kRPlanKind, kRSupport, kRFrom, kRTo, kRStage
};
constexpr std::array<Column, 16> kRecipientColumns{{
    {"insurer_no", "保険者番号"},
    {"insured_no", "被保険者番号"},
    {"name_kana", "被保険者カナ氏名"},
    {"birth_date", "生年月日"},
    {"sex", "性別コード"},
    {"care_level", "要介護状態区分コード"},
    {"cert_from", "認定有効期間開始"},
    {"cert_to", "認定有効期間終了"},
    {"change_pending", "変更申請中区分"},
    {"benefit_rate", "給付率"},
    {"limit_units", "支給限度基準額"},
    {"plan_kind", "計画作成区分"},
    {"support_office_no", "居宅介護支援事業所番号"},
    kValidFromColumn,
    kValidToColumn,
    // Beyond DESIGN §3.2 (docs/masters.md §5): the 特定入所者 負担限度額認定 (review-rules §7).
    {"burden_stage", "負担限度額段階", true},
}};
constexpr std::array<std::string_view, 4> kBurdenStages{"1", "2", "3a", "3b"};

}  // namespace

// ---- OfficeLedger -------------------------------------------------------------------------------

const Office* OfficeLedger::find(std::string_view office_no, std::string_view service_type, YearMonth month) const {
  auto key = OfficeServiceKey::of(office_no, service_type);
  return key ? table_.in_month(*key, month) : nullptr;
}

const Office* OfficeLedger::find_any(std::string_view office_no, YearMonth month) const {
  auto it = types_of_.find(office_no);
  if (it == types_of_.end()) return nullptr;
  for (const auto& type : it->second) {
    if (const auto* o = find(office_no, type, month)) return o;
  }
  return nullptr;
}

LoadResult<OfficeLedger> load_offices(std::string_view text, std::string file_name, const ServiceTypeMaster* types) {
  OfficeLedger::TypesOf types_of;
  auto read = [&](RowReader& r) -> std::optional<Keyed<Office, OfficeServiceKey>> {
    auto no = r.alnum(kONo, 10, true);
    auto type = r.alnum(kOType, 2, true);
    if (type && types && !types->known(*type)) {
      r.fail(kOType, code::kUnknownCode, "サービス種類コードがサービス種類マスタにありません",
             "service type is not in the service type master");
    }
    auto name = r.required(kOName);
    auto designation = r.one_of(kODesignation, kDesignations, true);
    auto period = read_period(r, kOFrom, kOTo);
    auto region = r.integer(kORegion, 0, 7, true);
    auto municipality = r.digits(kOMunicipality, 5, 6, false);
    if (!r.ok() || !no || !type || !name || !designation || !period || !region) return std::nullopt;
    Office o;
    o.office_no = std::string(*no);
    o.service_type = std::string(*type);
    o.name = std::string(*name);
    o.designation = (*designation)[0] - '0';
    o.region_class = static_cast<int>(*region);
    o.municipality_code = municipality ? std::string(*municipality) : std::string();
    o.postal_code = std::string(r.text(kOPostal));
    o.address = std::string(r.text(kOAddress));
    o.owner_name = std::string(r.text(kOOwner));
    o.bank_name = std::string(r.text(kOBank));
    o.bank_branch = std::string(r.text(kOBranch));
    o.period = *period;
    o.line = r.line();
    auto& known_types = types_of[o.office_no];
    if (std::find(known_types.begin(), known_types.end(), o.service_type) == known_types.end()) {
      known_types.push_back(o.service_type);
    }
    auto key = *OfficeServiceKey::of(o.office_no, o.service_type);  // the widths were checked above
    return Keyed<Office, OfficeServiceKey>{key, std::move(o)};
  };
  return load_versioned<OfficeLedger>(text, std::move(file_name), {kOfficeColumns}, kOFrom, read, std::move(types_of));
}

// ---- InsurerLedger ------------------------------------------------------------------------------

const Insurer* InsurerLedger::find(std::string_view insurer_no, YearMonth month) const {
  return table_.in_month(normalize_insurer_no(insurer_no), month);
}

bool InsurerLedger::known(std::string_view insurer_no) const {
  return !table_.versions(normalize_insurer_no(insurer_no)).empty();
}

LoadResult<InsurerLedger> load_insurers(std::string_view text, std::string file_name) {
  return load_versioned<InsurerLedger>(text, std::move(file_name), {kInsurerColumns}, kIFrom,
                                       [](RowReader& r) -> std::optional<Keyed<Insurer>> {
    auto no = r.digits(kINo, 6, 6, true);
    auto name = r.required(kIName);
    auto period = read_period(r, kIFrom, kITo);
    if (!r.ok() || !no || !name || !period) return std::nullopt;
    return Keyed<Insurer>{std::string(*no), {std::string(*no), std::string(*name), *period, r.line()}};
  });
}

// ---- RecipientLedger ----------------------------------------------------------------------------

std::span<const Recipient> RecipientLedger::versions(std::string_view insurer_no, std::string_view insured_no) const {
  auto key = PersonKey::of(insurer_no, insured_no);
  return key ? table_.versions(*key) : std::span<const Recipient>{};
}

const Recipient* RecipientLedger::at(std::string_view insurer_no, std::string_view insured_no, Date day) const {
  auto key = PersonKey::of(insurer_no, insured_no);
  return key ? table_.at(*key, day) : nullptr;
}

std::vector<const Recipient*> RecipientLedger::in_month(std::string_view insurer_no, std::string_view insured_no,
                                                        YearMonth month) const {
  auto key = PersonKey::of(insurer_no, insured_no);
  return key ? table_.all_in_month(*key, month) : std::vector<const Recipient*>{};
}

LoadResult<RecipientLedger> load_recipients(std::string_view text, std::string file_name) {
  auto names = std::make_shared<Arena>();
  return load_versioned<RecipientLedger>(text, std::move(file_name), {kRecipientColumns}, kRFrom,
                                         [&names](RowReader& r) -> std::optional<Keyed<Recipient, PersonKey>> {
    auto insurer = r.digits(kRInsurer, 6, 6, true);
    auto insured = r.alnum(kRInsured, 10, true);
    auto birth = r.date(kRBirth, true);
    auto sex = r.one_of(kRSex, kSexes, true);
    auto level = r.required(kRLevel);
    if (level && !is_care_level_code(*level)) {
      r.fail(kRLevel, code::kUnknownCode, "要介護状態区分コードが不正です（01 06 11 12 13 21〜25）",
             "unknown care level code (01 06 11 12 13 21-25)");
    }
    auto cert_from = r.date(kRCertFrom, false);
    auto cert_to = r.date(kRCertTo, false);
    if (cert_from && cert_to && *cert_to < *cert_from) {
      r.fail(kRCertTo, code::kPeriod, "認定有効期間の終了日が開始日より前です", "cert_to is before cert_from");
    }
    auto pending = r.one_of(kRPending, kFlags, false);
    auto rate = r.integer(kRRate, 0, 100, false);
    // DESIGN §3.2 lets writers put 0 in unused numerics: 0 means "not set" for these three.
    auto limit = r.integer(kRLimit, 0, 999999, false);
    if (limit && *limit == 0) limit.reset();
    auto plan_kind = r.text(kRPlanKind) == "0" ? std::nullopt : r.one_of(kRPlanKind, kPlanKinds, false);
    auto support = r.text(kRSupport) == "0" ? std::nullopt : r.alnum(kRSupport, 10, false);
    auto period = read_period(r, kRFrom, kRTo);
    auto stage = r.one_of(kRStage, kBurdenStages, false);
    if (!r.ok() || !insurer || !insured || !birth || !sex || !level || !period) return std::nullopt;
    Recipient p;
    if (r.has_column(kRStage)) p.burden_stage = stage ? FixedText<2>(*stage) : FixedText<2>();
    p.name_kana = names->copy(r.text(kRKana));
    p.birth_date = *birth;
    p.sex = (*sex)[0] - '0';
    p.care_level = *level;
    p.cert_from = cert_from;
    p.cert_to = cert_to;
    p.change_pending = pending && *pending == "1";
    if (rate) p.benefit_rate = static_cast<int>(*rate);
    if (limit) p.limit_units = Units{*limit};
    if (plan_kind) p.plan_kind = (*plan_kind)[0] - '0';
    if (support) p.support_office_no = *support;
    p.period = *period;
    p.line = r.line();
    auto key = *PersonKey::of(*insurer, *insured);  // the widths were checked above
    return Keyed<Recipient, PersonKey>{key, std::move(p)};
  }, std::shared_ptr<const Arena>(names));
}

}  // namespace kaigo::master
