#include "kaigo/store/detail/packed_rows.hpp"

#include <cstdint>

#include "kaigo/store/errors.hpp"

namespace kaigo::store {
namespace {

constexpr char kPackedRowsVersion = 1;
constexpr char kFacilityRow = 0;
constexpr char kAggregateRow = 1;

void put_varint(std::string& out, std::int64_t v) {
  auto z = (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);  // zigzag
  while (z >= 0x80) {
    out.push_back(static_cast<char>((z & 0x7f) | 0x80));
    z >>= 7;
  }
  out.push_back(static_cast<char>(z));
}

void put_text(std::string& out, std::string_view s) {
  if (s.size() > 0xff) throw StoreError("集計行の項目が長すぎます / a 集計 row item is too long to pack");
  out.push_back(static_cast<char>(s.size()));
  out.append(s);
}

void put_amounts(std::string& out, const review::Amounts& a) {
  put_varint(out, a.units.value);
  put_varint(out, a.insurance_claim.value);
  put_varint(out, a.user_burden.value);
  for (const auto& f : a.fund_claims) put_varint(out, f.value);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return at_ == in_.size(); }

  char byte() {
    if (done()) malformed("ends early");
    return in_[at_++];
  }
  std::int64_t varint() {
    std::uint64_t z = 0;
    for (int shift = 0;; shift += 7) {
      if (shift > 63) malformed("varint too long");
      auto b = static_cast<unsigned char>(byte());
      z |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) break;
    }
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::string_view text() {
    auto n = static_cast<unsigned char>(byte());
    if (in_.size() - at_ < n) malformed("text ends early");
    auto s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  review::Amounts amounts() {
    review::Amounts a;
    a.units = Units{varint()};
    a.insurance_claim = Yen{varint()};
    a.user_burden = Yen{varint()};
    for (auto& f : a.fund_claims) f = Yen{varint()};
    return a;
  }
  [[noreturn]] void malformed(std::string_view why) const {
    throw StoreError("保存された集計行が壊れています / stored 集計 rows are malformed (" + std::string(why) +
                     ", byte " + std::to_string(at_) + ")");
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string pack_rows(const review::ClaimDecision& d) {
  std::string out;
  out.reserve(16 + d.rows.size() * 40);
  out.push_back(kPackedRowsVersion);
  if (d.facility_written != review::Amounts{} || d.facility_decided != review::Amounts{}) {
    out.push_back(kFacilityRow);
    put_amounts(out, d.facility_written);
    put_amounts(out, d.facility_decided);
  }
  for (const auto& r : d.rows) {
    out.push_back(kAggregateRow);
    put_text(out, r.service_type);
    put_text(out, r.last_item_code);
    put_text(out, review::kCutReasons.code(r.cut));
    out.push_back(r.plan_units ? 1 : 0);
    if (r.plan_units) put_varint(out, r.plan_units->value);
    put_amounts(out, r.written);
    put_amounts(out, r.decided);
  }
  return out;
}

void unpack_rows(std::string_view blob, review::ClaimDecision& d) {
  d.rows.clear();
  d.facility_written = d.facility_decided = {};
  if (blob.empty()) return;
  Reader in(blob);
  if (in.byte() != kPackedRowsVersion) in.malformed("unknown version");
  while (!in.done()) {
    const char kind = in.byte();
    if (kind == kFacilityRow) {
      d.facility_written = in.amounts();
      d.facility_decided = in.amounts();
      continue;
    }
    if (kind != kAggregateRow) in.malformed("unknown row kind");
    review::RowDecision r;
    r.service_type = std::string(in.text());
    r.last_item_code = std::string(in.text());
    auto cut = review::kCutReasons.parse(in.text());
    if (!cut) in.malformed("unknown 査定事由");
    r.cut = *cut;
    const char flag = in.byte();
    if (flag != 0 && flag != 1) in.malformed("bad plan flag");
    if (flag == 1) r.plan_units = Units{in.varint()};
    r.written = in.amounts();
    r.decided = in.amounts();
    d.rows.push_back(std::move(r));
  }
}

}  // namespace kaigo::store
