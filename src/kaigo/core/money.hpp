// core/money — integer quantities of the claim: units (単位数), yen (円) and 単価 ×100.
// Owns: the strong types and the exact conversions between them. Must not: use floating point.
#pragma once
#include <compare>
#include <cstdint>

namespace kaigo {

// A whole quantity of one kind (Tag), added and subtracted only with its own kind.
template <class Tag>
struct Quantity {
  std::int64_t value = 0;
  constexpr auto operator<=>(const Quantity&) const = default;
  constexpr Quantity operator+(Quantity o) const { return {value + o.value}; }
  constexpr Quantity operator-(Quantity o) const { return {value - o.value}; }
  constexpr Quantity& operator+=(Quantity o) { value += o.value; return *this; }
  constexpr Quantity& operator-=(Quantity o) { value -= o.value; return *this; }
};

// 単位数 — service units.
using Units = Quantity<struct UnitsTag>;
// 円 — money, always whole yen.
using Yen = Quantity<struct YenTag>;

// 単位数単価 as the interface writes it: yen per unit × 100 (11.40円 → 1140).
struct UnitPrice {
  std::int64_t x100 = 1000;
  constexpr auto operator<=>(const UnitPrice&) const = default;
};

// floor(a / b) for b > 0, also for negative a (減算 lines carry negative units).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

// 費用額 = floor(units × 単価) (1円未満切捨て), exact in integers.
constexpr Yen cost_of(Units u, UnitPrice p) { return {floor_div(u.value * p.x100, 100)}; }

// floor(amount × rate / 100), the 給付率 share of an amount (1円未満切捨て).
constexpr Yen percent_floor(Yen amount, std::int64_t rate_percent) {
  return {floor_div(amount.value * rate_percent, 100)};
}

// Round half up of a / b for b > 0 (記載要領: 「小数点以下四捨五入」).
constexpr std::int64_t round_half_up_div(std::int64_t a, std::int64_t b) {
  return floor_div(2 * a + b, 2 * b);
}

}  // namespace kaigo
