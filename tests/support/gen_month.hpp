// The options of a month of `kaigo gen` as the tests' worlds ask for one: where it goes, its
// processing month, how many offices and recipients, the seed, and the share of mistakes.
#pragma once
#include <cstdint>
#include <filesystem>
#include <utility>

#include "kaigo/core/date.hpp"
#include "kaigo/gen/generator.hpp"

namespace kaigo::testing {

inline gen::Options gen_month_options(std::filesystem::path out, YearMonth processing_month, int offices,
                                      int recipients, std::uint64_t seed, double error_rate = 0.0) {
  gen::Options o;
  o.out = std::move(out);
  o.processing_month = processing_month;
  o.offices = offices;
  o.recipients = recipients;
  o.seed = seed;
  o.error_rate = error_rate;
  return o;
}

}  // namespace kaigo::testing
