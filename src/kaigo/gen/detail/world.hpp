// gen/world — the synthetic 国保連 area: insurers, offices and people, each derived from its index
// and the seed by hashing, so that any office's clients can be enumerated without a table of them.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/gen/generator.hpp"

namespace kaigo::gen {

// splitmix64 of the seed and a few integers: the only source of randomness.
std::uint64_t mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0);
// A value in [0, n) from a hash.
inline std::uint64_t pick(std::uint64_t h, std::uint64_t n) { return n == 0 ? 0 : h % n; }
// A uniform [0, 1) from a hash.
inline double unit(std::uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

// The home-service types a person may use, with the 様式 of their claims.
inline constexpr std::array<const char*, 5> kServiceTypes{"11", "13", "15", "17", "21"};
// The 総合事業 types of kaigo gen --all-mistakes (seed 002 §11), each priced by the person's
// municipality's own master (sougou.csv): 訪問型 独自 and 定率, 通所型 独自 and 定額. A person uses
// one 訪問型 and/or one 通所型 of them.
inline constexpr std::array<const char*, 4> kSougouTypes{"A2", "A3", "A6", "A8"};
bool is_generated_sougou_type(std::string_view type);

struct InsurerInfo {
  std::string insurer_no;  // 保険者番号 (6)
  std::string name;
  int region_class = 0;    // 地域区分 of the municipality
};

struct SyntheticOffice {
  int index = 0;
  std::string office_no;
  std::string service_type;
  std::string name;
  int insurer = 0;  // municipality (index into insurers)
  int region_class = 0;
};

struct ServiceUse {
  std::string service_type;
  int office = -1;  // index into SyntheticArea::offices
};

// How a 定期巡回連携型 訪問看護 user (月額 133111, 日割り 133112; seed 002 §9) is served in the month
// (kaigo gen --all-mistakes only): the whole month, or from the 契約日 / until the 契約解除日 `day`
// (開始年月日 / 中止年月日 on the 明細書).
enum class DailyRateCase { None, WholeMonth, StartsMidMonth, EndsMidMonth };

struct Person {
  int index = 0;
  int insurer = 0;
  std::string insured_no;
  std::string name_kana;
  Date birth;
  int sex = 1;
  std::string care_level;  // 21–25; 12–13 (要支援) for a 総合事業 user
  Date cert_from;
  Date cert_to;
  int rate = 90;             // 保険給付率
  bool welfare = false;      // 生活保護 (公費1 法別12, 100%)
  std::string welfare_payer;
  std::string welfare_recipient;
  int care_manager = -1;     // index into SyntheticArea::offices (a 43 office)
  std::vector<ServiceUse> uses;
  Mistake mistake = Mistake::None;
  DailyRateCase daily_rate = DailyRateCase::None;  // of the person's 訪問看護 (13)
  int daily_rate_day = 0;                          // the 開始 or 中止 day of the service month
  bool sougou = false;  // 要支援, using 総合事業 offices only (kaigo gen --all-mistakes)
};

class SyntheticArea {
 public:
  SyntheticArea(const Options& options);

  const Options& options() const { return options_; }
  YearMonth service_month() const { return service_month_; }
  const std::vector<InsurerInfo>& insurers() const { return insurers_; }
  const std::vector<SyntheticOffice>& offices() const { return offices_; }
  const std::vector<int>& offices_of(const std::string& type) const;
  Person person(int index) const;
  // People whose office for `office.service_type` (or whose care manager) is `office`.
  std::vector<int> clients_of(const SyntheticOffice& office) const;

 private:
  void assign_daily_rate(Person& p) const;
  void assign_sougou(Person& p) const;
  // Office `n` of its series (the area's offices, then the 総合事業 ones): in the municipalities in
  // turn, named by a prefix in turn, its type's label and its round of `per_round` offices.
  void add_office(int n, std::string service_type, std::string office_no, int per_round);
  void add_sougou_offices();

  Options options_;
  YearMonth service_month_;
  std::vector<InsurerInfo> insurers_;
  std::vector<SyntheticOffice> offices_;
  std::vector<std::pair<std::string, std::vector<int>>> by_type_;
};

}  // namespace kaigo::gen
