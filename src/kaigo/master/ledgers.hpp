// master/ledgers — the three ledgers the review matches claims against (DESIGN §3.2):
// 事業所台帳 (offices × service type), 保険者台帳 (insurers) and 受給者台帳 (recipient versions).
// Owns: the in-memory effective-dated tables, their lookups and strict all-or-nothing loaders.
// Must not: read files (callers pass the text) or decide review outcomes.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/arena.hpp"
#include "kaigo/core/fixed_text.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 事業所台帳 — one office for one service type over one period.
struct Office {
  std::string office_no;     // 事業所番号 (10; 総合事業 may contain a letter)
  std::string service_type;  // サービス種類コード
  std::string name;
  int designation = 1;  // 指定/基準該当等区分: 1 指定, 2 基準該当, 3 相当, 4 その他, 5 地域密着
  int region_class = 0;  // 地域区分: 1–7 級地, 0 その他
  std::string municipality_code;
  std::string postal_code;
  std::string address;
  std::string owner_name;
  std::string bank_name;
  std::string bank_branch;
  Period period;
  std::uint64_t line = 0;
};

class OfficeLedger : public VersionedMaster<Office, OfficeServiceKey> {
 public:
  // 事業所番号 → its サービス種類コード in the order the file first lists them.
  using TypesOf = std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>;
  OfficeLedger() = default;
  OfficeLedger(VersionedTable<Office, OfficeServiceKey> table, TypesOf types_of)
      : VersionedMaster(std::move(table)), types_of_(std::move(types_of)) {}
  // The office's registration for `service_type` valid in `month` (ADD1 when missing).
  const Office* find(std::string_view office_no, std::string_view service_type, YearMonth month) const;
  // Any registration of the office valid in `month` (ADD0 when missing).
  const Office* find_any(std::string_view office_no, YearMonth month) const;
  // Whether the office has any registration at all, in any period.
  bool known(std::string_view office_no) const { return types_of_.find(office_no) != types_of_.end(); }

 private:
  TypesOf types_of_;
};

// 保険者台帳 — an insurer (保険者番号, 6 digits) over one period.
struct Insurer {
  std::string insurer_no;
  std::string name;
  Period period;
  std::uint64_t line = 0;
};

class InsurerLedger : public VersionedMaster<Insurer> {
 public:
  using VersionedMaster::VersionedMaster;
  // Accepts the 6-digit number or the 8-digit 証記載保険者番号 zero-padded on the left.
  const Insurer* find(std::string_view insurer_no, YearMonth month) const;
  bool known(std::string_view insurer_no) const;  // any period (ADD2 vs ADDA)
};

// 受給者台帳 — one version of a person's record, valid over `period`. Millions of these stay in
// memory for a review (issue 19 item 5), so the codes are held in place (FixedText, widths the
// loader checks), the 保険者番号 and 被保険者番号 only in the ledger's key (PersonKey, by which every
// lookup finds a version), and the members are ordered so that little is padding.
struct Recipient {
  std::string_view name_kana;  // in the ledger's pool of names (RecipientLedger), which outlives it
  Period period;
  std::optional<Date> cert_from;  // 認定有効期間
  std::optional<Date> cert_to;
  Date birth_date;
  std::optional<Units> limit_units;    // 支給限度基準額; empty = the standard one of the level
  std::uint64_t line = 0;
  std::optional<int> benefit_rate;     // 保険給付率 (90/80/70/60 …); empty for 生保単独
  std::optional<int> plan_kind;        // 計画作成区分 (ledger codes 1–4)
  int sex = 0;                         // 1 男, 2 女
  FixedText<2> care_level;             // 要介護状態区分コード
  FixedText<10> support_office_no;     // 居宅介護支援事業所番号
  // 特定入所者 負担限度額認定の段階 (1, 2, 3a 第3段階①, 3b 第3段階②; the amounts per 食費・居住費
  // are facility_costs.csv's): "" = no 認定; nullopt = the file has no burden_stage column, so the
  // ledger says nothing about it (12PC, ASS6 are not checked).
  std::optional<FixedText<2>> burden_stage;
  bool change_pending = false;         // 変更申請中 (12PA)
};

class RecipientLedger : public VersionedMaster<Recipient, PersonKey> {
 public:
  RecipientLedger() = default;
  // `names` holds the text of every version's name_kana (shared by the copies of the ledger).
  RecipientLedger(VersionedTable<Recipient, PersonKey> table, std::shared_ptr<const Arena> names)
      : VersionedMaster(std::move(table)), names_(std::move(names)) {}
  std::span<const Recipient> versions(std::string_view insurer_no, std::string_view insured_no) const;
  const Recipient* at(std::string_view insurer_no, std::string_view insured_no, Date day) const;
  // Every version valid on some day of `month`, oldest first.
  std::vector<const Recipient*> in_month(std::string_view insurer_no, std::string_view insured_no,
                                         YearMonth month) const;
  std::size_t people() const { return table_.key_count(); }
  // Asks the memory for the person's slot ahead of a lookup.
  void prefetch(const PersonKey& person) const { table_.prefetch(person); }

 private:
  std::shared_ptr<const Arena> names_;
};

LoadResult<OfficeLedger> load_offices(std::string_view text, std::string file_name, const ServiceTypeMaster* types);
LoadResult<InsurerLedger> load_insurers(std::string_view text, std::string file_name);
LoadResult<RecipientLedger> load_recipients(std::string_view text, std::string file_name);

}  // namespace kaigo::master
