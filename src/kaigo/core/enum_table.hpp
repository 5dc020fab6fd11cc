// core/enum_table — one constexpr table per enum: each value with the code it is written as
// (official code, TOML or stored word) and its Japanese name, so that printing, parsing and
// storing an enum are lookups in one place rather than pairs of switches that can disagree.
// Owns: the table shape, its lookups and the generic enum_code / enum_ja / parse_enum. Must not: hold
// any enum's rows (they live beside the enum, in its NAME.enum.tsv).
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace kaigo {

template <class E>
struct EnumRow {
  E value;
  std::string_view code;     // as written in files, settings or the database
  std::string_view ja = {};  // 日本語の名称, where the enum has one
  int number = 0;            // a number the value stands for, where it has one (人件費割合 %, …)
  std::string_view next = {};  // of a state: the codes of the states it may move to, space-separated
  std::string_view en = {};    // an English name, where messages give one beside the Japanese
};

template <class E, std::size_t N>
struct EnumTable {
  std::array<EnumRow<E>, N> rows;

  // A table is checked as it is built: a constexpr table whose values or codes repeat, or whose next
  // states are not its codes, does not compile; one built at run time throws.
  constexpr EnumTable(std::array<EnumRow<E>, N> table_rows) : rows(table_rows) {
    if (!one_to_one()) throw std::logic_error("enum table: a value or a code twice, or an unknown next state");
  }

  constexpr const EnumRow<E>& row(E value) const {
    for (const auto& r : rows) {
      if (r.value == value) return r;
    }
    throw std::logic_error("enum value missing from its table");
  }
  constexpr std::string_view code(E value) const { return row(value).code; }
  constexpr std::string_view ja(E value) const { return row(value).ja; }
  constexpr int number(E value) const { return row(value).number; }
  constexpr std::optional<E> parse(std::string_view code) const {
    for (const auto& r : rows) {
      if (r.code == code) return r.value;
    }
    return std::nullopt;
  }
  // The value whose Japanese name is `ja` (a row without one never matches).
  constexpr std::optional<E> parse_ja(std::string_view ja) const {
    for (const auto& r : rows) {
      if (!r.ja.empty() && r.ja == ja) return r.value;
    }
    return std::nullopt;
  }
  // Whether a value in state `from` may move to `to` (its row's `next` names `to`'s code).
  constexpr bool may_move(E from, E to) const {
    return any_next(row(from).next, [want = code(to)](std::string_view next) { return next == want; });
  }
  // True when no value and no code appears twice and every state named in a `next` is a code of the
  // table.
  constexpr bool one_to_one() const {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = i + 1; j < N; ++j) {
        if (rows[i].value == rows[j].value || rows[i].code == rows[j].code) return false;
      }
      if (any_next(rows[i].next, [this](std::string_view next) { return !parse(next); })) return false;
    }
    return true;
  }

 private:
  // Whether `holds` is true of one of the space-separated codes of a row's `next`.
  template <class Holds>
  static constexpr bool any_next(std::string_view next, Holds holds) {
    while (!next.empty()) {
      const auto space = next.find(' ');
      if (holds(next.substr(0, space))) return true;
      next = space == std::string_view::npos ? std::string_view{} : next.substr(space + 1);
    }
    return false;
  }
};

// Every enum with a table says so beside it, in its own namespace:
//   constexpr const auto& enum_table(FileState) { return kFileStates; }
// found by argument-dependent lookup. Printing, storing and parsing any such enum is then one
// vocabulary rather than a pair of hand-written functions per enum whose names drifted apart
// (`state_name` was the Japanese word for one enum and the stored code for another).
template <class E>
constexpr std::string_view enum_code(E value) {
  return enum_table(value).code(value);
}
template <class E>
constexpr std::string_view enum_ja(E value) {
  return enum_table(value).ja(value);
}
template <class E>
constexpr std::string_view enum_en(E value) {
  return enum_table(value).row(value).en;
}
template <class E>
constexpr int enum_number(E value) {
  return enum_table(value).number(value);
}
template <class E>
constexpr bool enum_may_move(E from, E to) {
  return enum_table(from).may_move(from, to);
}
template <class E>
constexpr std::optional<E> parse_enum(std::string_view code) {
  return enum_table(E{}).parse(code);
}
template <class E>
constexpr std::optional<E> parse_enum_ja(std::string_view ja) {
  return enum_table(E{}).parse_ja(ja);
}

}  // namespace kaigo
