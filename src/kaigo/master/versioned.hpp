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
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/prefetch.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"

namespace kaigo::master {

// Hashes a typed key (one with hash(), such as PersonKey) or a string.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  template <class K>
    requires requires(const K& k) { k.hash(); }
  std::size_t operator()(const K& k) const {
    return k.hash();
  }
};

// The text of a key in a diagnostic: a string as it is, a typed key by its text().
inline const std::string& key_text(const std::string& key) { return key; }
template <class K>
  requires requires(const K& k) { k.text(); }
std::string key_text(const K& key) {
  return key.text();
}

// T must have `Period period` and `std::uint64_t line` (the source line, for diagnostics).
// K is the key: a string (one code) or a typed key of several items (master/keys).
//
// Stored flat, because the 受給者台帳 holds millions of keys (issue 19 item 5): every version in one
// array grouped by key (keys in order, each key's versions by valid_from), and an open-addressed table
// whose slots hold each key with where its versions are — no node or block of its own per key. A
// lookup reads one slot, then the versions: with the keys and the groups in arrays of their own it
// read four places far apart, and those misses were a tenth of the review's deciding thread
// (docs/performance.md, sixteenth session).
template <class T, class K = std::string>
class VersionedTable {
 public:
  using Key = K;
  using Value = T;

  // Before finish(): the versions are gathered, then grouped and indexed by finish().
  void add(K key, T value) { pending_.push_back({std::move(key), std::move(value)}); }

  // Groups the versions by key, sorts each key's versions by valid_from and indexes the keys; for
  // every pair of versions of one key that overlaps, calls report(key, first, second) with `first`
  // the one on the earlier line of the file.
  template <class Report>
  void finish(Report&& report) {
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
      if (a.key != b.key) return a.key < b.key;
      return a.value.period.from < b.value.period.from;
    });
    std::vector<K> keys;
    std::vector<Group> groups;
    values_.clear();
    values_.reserve(pending_.size());
    for (auto& p : pending_) {
      if (keys.empty() || !(keys.back() == p.key)) {
        keys.push_back(std::move(p.key));
        groups.push_back({static_cast<std::uint32_t>(values_.size()), 0});
      }
      values_.push_back(std::move(p.value));
      ++groups.back().count;
    }
    pending_.clear();
    pending_.shrink_to_fit();
    for (std::size_t k = 0; k < keys.size(); ++k) report_overlaps(keys[k], span_of(groups[k]), report);
    build_index(std::move(keys), groups);
  }

  // `key` is a K, or a string_view where K is a string.
  template <class Q>
  std::span<const T> versions(const Q& key) const {
    if (slots_.empty()) return {};
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = KeyHash{}(key) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.group.count == 0) return {};
      if (slot.key == key) return span_of(slot.group);
    }
  }

  // Asks the memory for the slot versions(key) reads first, ahead of the lookup (see
  // review::MonthReviewer::prefetch).
  template <class Q>
  void prefetch(const Q& key) const {
    if (!slots_.empty()) kaigo::prefetch(&slots_[KeyHash{}(key) & (slots_.size() - 1)]);
  }

  // The version in force on day `d`.
  template <class Q>
  const T* at(const Q& key, Date d) const {
    for (const T& v : versions(key)) {
      if (v.period.contains(d)) return &v;
    }
    return nullptr;
  }

  // The version in force for month `m`: the latest one that is valid on some day of the month.
  template <class Q>
  const T* in_month(const Q& key, YearMonth m) const {
    const T* found = nullptr;
    for (const T& v : versions(key)) {
      if (v.period.overlaps_month(m)) found = &v;
    }
    return found;
  }

  // Every version valid on some day of month `m`, oldest first.
  template <class Q>
  std::vector<const T*> all_in_month(const Q& key, YearMonth m) const {
    std::vector<const T*> out;
    for (const T& v : versions(key)) {
      if (v.period.overlaps_month(m)) out.push_back(&v);
    }
    return out;
  }

  std::size_t key_count() const { return order_.size(); }
  std::size_t version_count() const { return values_.size(); }

  // Every version, keys in order, each key's versions oldest first.
  template <class F>
  void for_each(F&& f) const {
    for (const std::uint32_t i : order_) {
      for (const T& v : span_of(slots_[i].group)) f(slots_[i].key, v);
    }
  }

 private:
  struct Pending {
    K key;
    T value;
  };
  struct Group {
    std::uint32_t first = 0;
    std::uint32_t count = 0;  // every key has a version: 0 marks an empty slot
  };
  struct Slot {
    K key{};
    Group group;
  };

  std::span<const T> span_of(Group g) const { return {values_.data() + g.first, g.count}; }

  template <class Report>
  static void report_overlaps(const K& key, std::span<const T> versions, Report& report) {
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

  // Slots at most two thirds full, found by linear probing; order_ keeps the keys' order for for_each.
  void build_index(std::vector<K> keys, const std::vector<Group>& groups) {
    std::size_t size = 16;
    while (size < keys.size() + keys.size() / 2) size *= 2;
    slots_.clear();
    slots_.resize(keys.empty() ? 0 : size);
    order_.assign(keys.size(), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      std::size_t i = KeyHash{}(keys[k]) & mask;
      while (slots_[i].group.count != 0) i = (i + 1) & mask;
      slots_[i] = {std::move(keys[k]), groups[k]};
      order_[k] = static_cast<std::uint32_t>(i);
    }
  }

  std::vector<Pending> pending_;
  std::vector<T> values_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> order_;
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

// One row of a file as a version of its key.
template <class T, class K = std::string>
struct Keyed {
  using Value = T;
  using Key = K;
  K key;
  T value;
};

// The loop of every effective-dated loader: `read(RowReader&)` turns each row into a
// std::optional<Keyed<T, K>> (nothing when it reported why), the versions are gathered by key, and
// two versions of one key must not overlap (KM08, reported on column `from_col`).
template <class Read>
auto read_versions(const CsvFile& csv, Diagnostics& out, std::size_t from_col, Read&& read) {
  using Row = typename std::invoke_result_t<Read&, RowReader&>::value_type;
  VersionedTable<typename Row::Value, typename Row::Key> table;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    RowReader r(csv, i, out);
    if (auto row = read(r)) table.add(std::move(row->key), std::move(row->value));
  }
  table.finish([&](const typename Row::Key& key, const typename Row::Value& a, const typename Row::Value& b) {
    out.push_back(overlap_diagnostic(csv.file_name(), key_text(key), a, b, csv.item_no(from_col),
                                     std::string(csv.column(from_col).ja)));
  });
  return table;
}

// A master that is one effective-dated table: what its loader builds and what its lookups read.
template <class T, class K = std::string>
class VersionedMaster {
 public:
  VersionedMaster() = default;
  explicit VersionedMaster(VersionedTable<T, K> table) : table_(std::move(table)) {}
  const VersionedTable<T, K>& table() const { return table_; }
  std::size_t size() const { return table_.version_count(); }

 protected:
  VersionedTable<T, K> table_;
};

// The whole of a loader of one table: the file `text` read with `spec` (see read_versions), then
// the master M built from the table and `more` (what `read` gathered besides, passed once every
// row is read) — only when the file was clean (all-or-nothing).
template <class M, class Read, class... More>
LoadResult<M> load_versioned(std::string_view text, std::string file_name, const CsvSpec& spec,
                             std::size_t from_col, Read&& read, More&&... more) {
  LoadResult<M> result;
  CsvFile csv(text, std::move(file_name), spec, result.diagnostics);
  auto table = read_versions(csv, result.diagnostics, from_col, read);
  if (csv.ok() && result.diagnostics.empty()) result.table.emplace(std::move(table), std::forward<More>(more)...);
  return result;
}

}  // namespace kaigo::master
