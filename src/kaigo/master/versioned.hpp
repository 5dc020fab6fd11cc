// master/versioned — effective-dated tables: the versions of each key, sorted by valid_from, with
// lookups by day and by month, and the overlap check every loader runs before accepting a file.
// Owns: storage and lookup of versions. Must not: parse text or know what a key means.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/master/csv.hpp"

namespace kaigo::master {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// T must have `Period period` and `std::uint64_t line` (the source line, for diagnostics).
template <class T>
class VersionedTable {
 public:
  void add(std::string key, T value) { map_[std::move(key)].push_back(std::move(value)); }

  // Sorts each key's versions; for every pair that overlaps, calls report(key, first, second) with
  // `first` the one on the earlier line of the file.
  template <class Report>
  void finish(Report&& report) {
    for (auto& [key, versions] : map_) {
      std::stable_sort(versions.begin(), versions.end(),
                       [](const T& a, const T& b) { return a.period.from < b.period.from; });
      for (std::size_t i = 1; i < versions.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (!versions[j].period.overlaps(versions[i].period)) continue;
          // Reported on the line that comes later in the file, naming the earlier one.
          if (versions[j].line < versions[i].line) {
            report(key, versions[j], versions[i]);
          } else {
            report(key, versions[i], versions[j]);
          }
        }
      }
    }
  }

  std::span<const T> versions(std::string_view key) const {
    auto it = map_.find(key);
    if (it == map_.end()) return {};
    return it->second;
  }

  // The version in force on day `d`.
  const T* at(std::string_view key, Date d) const {
    for (const T& v : versions(key)) {
      if (v.period.contains(d)) return &v;
    }
    return nullptr;
  }

  // The version in force for month `m`: the latest one that is valid on some day of the month.
  const T* in_month(std::string_view key, YearMonth m) const {
    const T* found = nullptr;
    for (const T& v : versions(key)) {
      if (v.period.overlaps_month(m)) found = &v;
    }
    return found;
  }

  // Every version valid on some day of month `m`, oldest first.
  std::vector<const T*> all_in_month(std::string_view key, YearMonth m) const {
    std::vector<const T*> out;
    for (const T& v : versions(key)) {
      if (v.period.overlaps_month(m)) out.push_back(&v);
    }
    return out;
  }

  std::size_t key_count() const { return map_.size(); }
  std::size_t version_count() const {
    std::size_t n = 0;
    for (const auto& [k, v] : map_) n += v.size();
    return n;
  }

  template <class F>
  void for_each(F&& f) const {
    for (const auto& [k, versions] : map_) {
      for (const T& v : versions) f(k, v);
    }
  }

 private:
  std::unordered_map<std::string, std::vector<T>, StringHash, std::equal_to<>> map_;
};

// The KM08 diagnostic for two overlapping versions of one key (reported on the later line).
template <class T>
Diagnostic overlap_diagnostic(const std::string& file, std::string_view key_text, const T& earlier,
                              const T& later, int item_no, std::string item_name) {
  return make_diagnostic(
      code::kOverlap, file, later.line, item_no, std::move(item_name), std::string(key_text),
      "同じキー（" + std::string(key_text) + "）の有効期間が" + std::to_string(earlier.line) + "行目（" +
          period_text(earlier.period) + "）と重複しています",
      "the validity period overlaps the version of the same key on line " + std::to_string(earlier.line) +
          " (" + period_text(earlier.period) + ")");
}

// Result of a loader: the table, or nothing with the reasons. Loading is all-or-nothing.
template <class T>
struct LoadResult {
  std::optional<T> table;
  Diagnostics diagnostics;
  bool ok() const { return table.has_value(); }
};

}  // namespace kaigo::master
