#include "kaigo/gen/detail/world.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::gen {
namespace {

// Office types in the proportions of a typical area (one cycle of 20 offices).
constexpr std::array<const char*, 20> kOfficeCycle{"43", "11", "11", "15", "43", "11", "13", "15", "17", "43",
                                                   "11", "15", "11", "43", "17", "13", "21", "11", "15", "43"};
constexpr std::array<const char*, 16> kMunicipalities{"さくら市", "あおば市", "みどり町", "ひかり市", "かえで市", "つばさ町",
                                                      "はるか市", "やまと市", "なぎさ町", "いずみ市", "あさひ市", "こだま町",
                                                      "ひばり市", "すずらん市", "もみじ町", "ゆうひ市"};
constexpr std::array<const char*, 12> kOfficePrefixes{"さくら", "ひまわり", "あおば", "みどり", "つばさ", "やすらぎ",
                                                      "ほほえみ", "なごみ", "いこい", "ふれあい", "すこやか", "あかね"};
constexpr std::array<const char*, 12> kFamily{"ﾔﾏﾀﾞ", "ｽｽﾞｷ", "ﾀﾅｶ", "ｻﾄｳ", "ﾀｶﾊｼ", "ﾜﾀﾅﾍﾞ",
                                              "ｲﾄｳ", "ﾅｶﾑﾗ", "ｺﾊﾞﾔｼ", "ｶﾄｳ", "ﾖｼﾀﾞ", "ﾔﾏﾓﾄ"};
constexpr std::array<const char*, 8> kGivenF{"ﾊﾅｺ", "ﾖｼｺ", "ｶｽﾞｺ", "ｹｲｺ", "ﾌﾐｺ", "ﾐﾁｺ", "ﾄｼｺ", "ｻﾁｺ"};
constexpr std::array<const char*, 8> kGivenM{"ﾀﾛｳ", "ｲﾁﾛｳ", "ﾋﾛｼ", "ﾏｻｵ", "ｼｹﾞﾙ", "ｽｽﾑ", "ｵｻﾑ", "ﾐﾉﾙ"};
// 地域区分 of the synthetic municipalities, cycling through every class.
constexpr std::array<int, 8> kRegionCycle{1, 3, 5, 6, 7, 0, 2, 4};

std::string office_label(const std::string& type) {
  if (type == "11") return "訪問介護ステーション";
  if (type == "13") return "訪問看護ステーション";
  if (type == "15") return "デイサービスセンター";
  if (type == "17") return "福祉用具センター";
  if (type == "21") return "ショートステイ";
  if (type == "A2" || type == "A3") return "訪問型サービス事業所";
  if (type == "A6" || type == "A8") return "通所型サービス事業所";
  return "居宅介護支援事業所";
}

// Probability that a person uses a service type.
double use_share(const std::string& type) {
  if (type == "11") return 0.55;
  if (type == "13") return 0.25;
  if (type == "15") return 0.5;
  if (type == "17") return 0.45;
  return 0.08;  // 21 短期入所
}

enum Tag : std::uint64_t { kPerson = 1, kUse, kLevel, kRate, kWelfare, kCert, kBirth, kName, kMistake, kMistakeKind, kDailyRate,
                      kSougou, kSougouUse };

// One in twelve of the people without a mistake (and without 生活保護) is 要支援 and uses 総合事業
// offices only (kaigo gen --all-mistakes).
constexpr double kSougouShare = 1.0 / 12;

}  // namespace

bool is_generated_sougou_type(std::string_view type) {
  return std::find(kSougouTypes.begin(), kSougouTypes.end(), type) != kSougouTypes.end();
}

std::uint64_t mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t z = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (c * 0x165667B19E3779F9ULL);
  for (int i = 0; i < 2; ++i) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
  }
  return z;
}

SyntheticArea::SyntheticArea(const Options& o) : options_(o), service_month_(o.processing_month.plus_months(-1)) {
  if (o.offices < 6) throw std::invalid_argument("--offices は 6 以上 / --offices must be at least 6");
  if (o.recipients < 1) throw std::invalid_argument("--recipients は 1 以上 / --recipients must be at least 1");
  int k_count = std::clamp((o.recipients + 2499) / 2500, 1, 60);
  for (int k = 0; k < k_count; ++k) {
    InsurerInfo ins;
    ins.insurer_no = fmt::format("13{:03d}{}", 101 + 2 * k, (k * 7 + 3) % 10);
    ins.name = k < static_cast<int>(kMunicipalities.size())
                   ? kMunicipalities[static_cast<std::size_t>(k)]
                   : fmt::format("{}第{}区", kMunicipalities[static_cast<std::size_t>(k) % kMunicipalities.size()],
                                 k / static_cast<int>(kMunicipalities.size()) + 1);
    ins.region_class = kRegionCycle[static_cast<std::size_t>(k) % kRegionCycle.size()];
    insurers_.push_back(ins);
  }
  for (int i = 0; i < o.offices; ++i) {
    add_office(i, kOfficeCycle[static_cast<std::size_t>(i) % kOfficeCycle.size()], fmt::format("137{:07d}", i + 1),
               static_cast<int>(kOfficePrefixes.size()));
  }
  if (o.all_mistakes) add_sougou_offices();
}

// kaigo gen --all-mistakes: offices of each 総合事業 type (one per 40 offices of the area, at least
// one), numbered 13A0000001… after the others, in the municipalities in turn.
void SyntheticArea::add_sougou_offices() {
  const int per_type = std::max(1, options_.offices / 40);
  for (int j = 0; j < per_type * static_cast<int>(kSougouTypes.size()); ++j) {
    add_office(j, kSougouTypes[static_cast<std::size_t>(j) % kSougouTypes.size()], fmt::format("13A{:07d}", j + 1),
               static_cast<int>(kSougouTypes.size()));
  }
}

void SyntheticArea::add_office(int n, std::string service_type, std::string office_no, int per_round) {
  SyntheticOffice off;
  off.index = static_cast<int>(offices_.size());
  off.service_type = std::move(service_type);
  off.office_no = std::move(office_no);
  off.insurer = n % static_cast<int>(insurers_.size());
  off.region_class = insurers_[static_cast<std::size_t>(off.insurer)].region_class;
  off.name = fmt::format("{}{}{}", kOfficePrefixes[static_cast<std::size_t>(n) % kOfficePrefixes.size()],
                         office_label(off.service_type), n / per_round + 1);
  auto it = std::find_if(by_type_.begin(), by_type_.end(), [&](const auto& p) { return p.first == off.service_type; });
  if (it == by_type_.end()) {
    by_type_.push_back({off.service_type, {}});
    it = by_type_.end() - 1;
  }
  it->second.push_back(off.index);
  offices_.push_back(std::move(off));
}

const std::vector<int>& SyntheticArea::offices_of(const std::string& type) const {
  static const std::vector<int> kNone;
  for (const auto& [t, list] : by_type_) {
    if (t == type) return list;
  }
  return kNone;
}

Person SyntheticArea::person(int i) const {
  const auto seed = options_.seed;
  const auto u = static_cast<std::uint64_t>(i);
  Person p;
  p.index = i;
  p.insurer = i % static_cast<int>(insurers_.size());
  p.insured_no = fmt::format("{:010d}", 2000000000LL + i);
  bool female = unit(mix(seed, kPerson, u)) < 0.65;
  p.sex = female ? 2 : 1;
  std::uint64_t hn = mix(seed, kName, u);
  p.name_kana = fmt::format("{} {}", kFamily[pick(hn, kFamily.size())],
                            female ? kGivenF[pick(hn >> 16, kGivenF.size())] : kGivenM[pick(hn >> 16, kGivenM.size())]);
  std::uint64_t hb = mix(seed, kBirth, u);
  p.birth = Date{1925 + static_cast<int>(pick(hb, 30)), 1 + static_cast<int>(pick(hb >> 8, 12)),
                 1 + static_cast<int>(pick(hb >> 16, 28))};
  double lv = unit(mix(seed, kLevel, u));
  p.care_level = lv < 0.28 ? "21" : lv < 0.55 ? "22" : lv < 0.75 ? "23" : lv < 0.90 ? "24" : "25";
  double rt = unit(mix(seed, kRate, u));
  p.rate = rt < 0.82 ? 90 : rt < 0.93 ? 80 : 70;
  auto receive_welfare = [&] {
    p.welfare = true;
    p.rate = 90;
    p.welfare_payer = fmt::format("12{:06d}", 130000 + p.insurer);
    p.welfare_recipient = fmt::format("{:07d}", 1000000 + i % 9000000);
  };
  if (unit(mix(seed, kWelfare, u)) < 0.03) receive_welfare();
  std::uint64_t hc = mix(seed, kCert, u);
  YearMonth from = service_month_.plus_months(-static_cast<int>(pick(hc, 24)));
  int length = pick(hc >> 8, 2) == 0 ? 24 : 36;
  p.cert_from = Date{from.year, from.month, 1};
  YearMonth last = from.plus_months(length - 1);
  p.cert_to = Date{last.year, last.month, last.days()};
  const auto& managers = offices_of("43");
  if (!managers.empty()) p.care_manager = managers[static_cast<std::size_t>(i) % managers.size()];
  for (std::size_t t = 0; t < kServiceTypes.size(); ++t) {
    std::string type = kServiceTypes[t];
    const auto& list = offices_of(type);
    if (list.empty()) continue;
    if (unit(mix(seed, kUse, u, t)) >= use_share(type)) continue;
    p.uses.push_back({type, list[static_cast<std::size_t>(i) % list.size()]});
  }
  if (p.uses.empty()) {
    for (const char* type : kServiceTypes) {
      const auto& list = offices_of(type);
      if (list.empty()) continue;
      p.uses.push_back({type, list[static_cast<std::size_t>(i) % list.size()]});
      break;
    }
  }
  if (unit(mix(seed, kMistake, u)) < options_.error_rate) {
    const int kinds = options_.all_mistakes ? kAllMistakeKinds : kMistakeKinds;
    p.mistake = static_cast<Mistake>(1 + pick(mix(seed, kMistakeKind, u), static_cast<std::uint64_t>(kinds)));
  }
  // Only a 公費 recipient can name a wrong 公費受給者番号.
  if (p.mistake == Mistake::UnknownFund && !p.welfare) receive_welfare();
  if (options_.all_mistakes) {
    assign_sougou(p);
    assign_daily_rate(p);
  }
  return p;
}

// kaigo gen --all-mistakes: a share of the people without a mistake or 生活保護, and every
// unknown_sougou_code one, are 要支援 1 or 2 and use a 訪問型 (A2 独自 or A3 定率) and/or a 通所型
// (A6 独自 or A8 定額) 総合事業 office instead of the 介護給付 services.
void SyntheticArea::assign_sougou(Person& p) const {
  const auto u = static_cast<std::uint64_t>(p.index);
  const std::uint64_t h = mix(options_.seed, kSougou, u);
  const bool forced = p.mistake == Mistake::UnknownSougouCode;
  if (!forced && (p.mistake != Mistake::None || p.welfare || unit(h) >= kSougouShare)) return;
  p.sougou = true;
  p.welfare = false;
  p.welfare_payer.clear();
  p.welfare_recipient.clear();
  p.care_level = pick(h, 2) == 0 ? "12" : "13";
  p.uses.clear();
  auto use = [&](const char* type) {
    const auto& list = offices_of(type);
    if (!list.empty()) p.uses.push_back({type, list[static_cast<std::size_t>(p.index) % list.size()]});
  };
  const std::uint64_t hu = mix(options_.seed, kSougouUse, u);
  const auto which = pick(hu, 3);  // 0: 訪問型 only, 1: 通所型 only, 2: both
  if (which != 1) use(pick(hu >> 8, 2) == 0 ? "A2" : "A3");
  if (which != 0) use(pick(hu >> 16, 2) == 0 ? "A6" : "A8");
}

// kaigo gen --all-mistakes: one in twelve 訪問看護 users is on the 定期巡回連携型 月額 for the whole
// month, one in twelve begins the contract mid-month and one in twelve ends it mid-month (seed 002
// §9: the days from or until that day, with the 日割り code). A daily_rate mistake begins mid-month
// (the person is given a 訪問看護 office if the draw had none; an area without one has no such
// mistake).
void SyntheticArea::assign_daily_rate(Person& p) const {
  const auto& nursing = offices_of("13");
  auto uses_nursing = [&] {
    return std::any_of(p.uses.begin(), p.uses.end(), [](const ServiceUse& s) { return s.service_type == "13"; });
  };
  const std::uint64_t h = mix(options_.seed, kDailyRate, static_cast<std::uint64_t>(p.index));
  if (p.mistake == Mistake::DailyRate) {
    if (nursing.empty()) {
      p.mistake = Mistake::None;
      return;
    }
    if (!uses_nursing()) {
      // In kServiceTypes order, as the draw writes them.
      auto at = std::find_if(p.uses.begin(), p.uses.end(), [](const ServiceUse& s) { return s.service_type > "13"; });
      p.uses.insert(at, {"13", nursing[static_cast<std::size_t>(p.index) % nursing.size()]});
    }
    p.daily_rate = DailyRateCase::StartsMidMonth;
  } else {
    if (!uses_nursing()) return;
    switch (pick(h, 12)) {
      case 0: p.daily_rate = DailyRateCase::WholeMonth; break;
      case 1: p.daily_rate = DailyRateCase::StartsMidMonth; break;
      case 2: p.daily_rate = DailyRateCase::EndsMidMonth; break;
      default: return;
    }
  }
  // The 2nd to the day before the last: always within the month, never the whole of it.
  p.daily_rate_day = 2 + static_cast<int>(pick(h >> 8, static_cast<std::uint64_t>(service_month_.days() - 2)));
}

std::vector<int> SyntheticArea::clients_of(const SyntheticOffice& office) const {
  std::vector<int> out;
  const auto& list = offices_of(office.service_type);
  auto pos = std::find(list.begin(), list.end(), office.index);
  if (pos == list.end()) return out;
  auto step = static_cast<int>(list.size());
  for (int i = static_cast<int>(pos - list.begin()); i < options_.recipients; i += step) {
    if (office.service_type == "43") {
      out.push_back(i);
      continue;
    }
    Person p = person(i);
    for (const auto& use : p.uses) {
      if (use.office == office.index) out.push_back(i);
    }
  }
  return out;
}

}  // namespace kaigo::gen
