// documents/fields — which value of a domain type each item of a record holds, as data: every
// layout table (exchange/layouts/*.tsv) names in its `field` column the field its 項番 holds
// (`-`: none), and a field table here gives each name its reading and its writing. Reading or
// writing a record is then one loop over its layout; no item number is written in code.
// Owns: the binding of field names to layouts and the conversions of values to item text.
// Must not: know any particular layout or domain type (statement_records, report's notices do).
#pragma once
#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kaigo/core/date.hpp"
#include "kaigo/core/fixed_text.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::documents {

// Where a record stands in its document: which element of a list it is about, whether it is the
// first record read (the key items are read once) or the last written (totals go on it).
struct Cursor {
  std::string_view kind;  // レコード種別コード of the record written
  std::size_t index = 0;
  bool first = true;
  bool last = false;
};

// One field: how an item's text becomes the value, and the value the item's text. A null `read`
// leaves the item unread; a null `write` writes it empty.
template <class Row>
struct Field {
  std::string_view name;
  void (*read)(Row&, Cursor&, std::string_view) = nullptr;
  std::string (*write)(const Row&, const Cursor&) = nullptr;
  bool once = false;    // read from the first record of a document only
  bool always = false;  // read even when the item is empty (it starts an element, or sets a total)
};

// Whether an empty item is read at all. A table whose values all default to what an empty item
// reads as (0, "", none) skips them: a 明細書 leaves most of its 公費 items empty, and the reading
// of every 明細書 is on the pre-check's hot path.
enum class EmptyItems { Read, Skip };

// ---- conversions between item text and values ----------------------------------------------------

// Values the reader could not parse are left at their defaults: the reader has reported them.
template <class T>
struct ItemText;

// Domain text is UTF-8 (writing converts it back to CP932): an item of CP932 characters (a name, or
// a full-width digit where a number belongs) is converted when read, an invalid byte kept as \xHH.
// Nearly every item is ASCII and is taken as it is.
template <>
struct ItemText<std::string> {
  static void read(std::string& t, std::string_view v) { t = text::printable(v); }
  static std::string write(const std::string& t) { return t; }
};
// A code held in place: a value longer than its item (the reader has reported it) reads as empty.
template <std::size_t N>
struct ItemText<FixedText<N>> {
  static void read(FixedText<N>& t, std::string_view v) { t = FixedText<N>::of(v).value_or(FixedText<N>{}); }
  static std::string write(const FixedText<N>& t) { return t.str(); }
};
template <>
struct ItemText<int> {
  static void read(int& t, std::string_view v) { t = static_cast<int>(parse_int(v).value_or(0)); }
  static std::string write(int t) { return fmt::to_string(t); }
};
template <>
struct ItemText<std::int64_t> {
  static void read(std::int64_t& t, std::string_view v) { t = parse_int(v).value_or(0); }
  static std::string write(std::int64_t t) { return fmt::to_string(t); }
};
template <class Tag>
struct ItemText<Quantity<Tag>> {  // Units, Yen
  static void read(Quantity<Tag>& t, std::string_view v) { t = Quantity<Tag>{parse_int(v).value_or(0)}; }
  static std::string write(Quantity<Tag> t) { return fmt::to_string(t.value); }
};
template <>
struct ItemText<UnitPrice> {
  static void read(UnitPrice& t, std::string_view v) { t = UnitPrice{parse_int(v).value_or(0)}; }
  static std::string write(UnitPrice t) { return fmt::to_string(t.x100); }
};
// Dates and months: T::parse and str(); a value that does not parse reads as T{}, or as none.
template <class T>
concept DateText = requires(const T& t, std::string_view v) {
  { T::parse(v) } -> std::same_as<std::optional<T>>;
  t.str();
};
template <DateText T>
struct ItemText<T> {
  static void read(T& t, std::string_view v) { t = T::parse(v).value_or(T{}); }
  static std::string write(const T& t) { return t.str(); }
};
template <DateText T>
struct ItemText<std::optional<T>> {
  static void read(std::optional<T>& t, std::string_view v) { t = T::parse(v); }
  static std::string write(const std::optional<T>& t) { return t ? t->str() : std::string(); }
};
template <>
struct ItemText<std::optional<int>> {
  static void read(std::optional<int>& t, std::string_view v) {
    auto x = v.empty() ? std::nullopt : parse_int(v);
    t = x ? std::optional<int>(static_cast<int>(*x)) : std::nullopt;
  }
  static std::string write(const std::optional<int>& t) { return t ? fmt::to_string(*t) : std::string(); }
};

// The value `Get(row, cursor)` refers to, read and written as it is.
template <class Row, auto Get>
constexpr Field<Row> bind(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<Row&>(), std::declval<const Cursor&>()))>;
  return {name, [](Row& r, Cursor& c, std::string_view v) { ItemText<T>::read(Get(r, c), v); },
          [](const Row& r, const Cursor& c) { return ItemText<T>::write(Get(r, c)); }};
}

// The same, read from the first record only (the items every record of a document repeats).
template <class Row, auto Get>
constexpr Field<Row> bind_once(std::string_view name) {
  Field<Row> f = bind<Row, Get>(name);
  f.once = true;
  return f;
}

// Read and written only when `When(row, cursor)` holds (else written empty): items that belong
// to some records of a document only (a 給付管理票's lines and its closing record).
template <class Row, auto Get, auto When>
constexpr Field<Row> bind_if(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<Row&>(), std::declval<const Cursor&>()))>;
  return {name,
          [](Row& r, Cursor& c, std::string_view v) {
            if (When(std::as_const(r), std::as_const(c))) ItemText<T>::read(Get(r, c), v);
          },
          [](const Row& r, const Cursor& c) { return When(r, c) ? ItemText<T>::write(Get(r, c)) : std::string(); }};
}

// Always read, written only when `When(row, cursor)` holds (else empty): the 公費k items of a
// 明細書 without 公費k.
template <class Row, auto Get, auto When>
constexpr Field<Row> bind_write_if(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<Row&>(), std::declval<const Cursor&>()))>;
  return {name, [](Row& r, Cursor& c, std::string_view v) { ItemText<T>::read(Get(r, c), v); },
          [](const Row& r, const Cursor& c) { return When(r, c) ? ItemText<T>::write(Get(r, c)) : std::string(); }};
}

// Written only, from a value `Get(row, cursor)` gives (a member or a computed value): the items of
// a result notice, which are never read back into the figures they were written from.
template <class Row, auto Get>
constexpr Field<Row> bind_out(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<const Row&>(), std::declval<const Cursor&>()))>;
  return {name, nullptr, [](const Row& r, const Cursor& c) { return ItemText<T>::write(Get(r, c)); }};
}

// An item the domain type does not keep: always written as `Text`, never read.
template <class Row, const char* Text>
constexpr Field<Row> constant(std::string_view name) {
  return {name, nullptr, [](const Row&, const Cursor&) { return std::string(Text); }};
}

// One table of several: the fields of a row type made of parts, each part's fields listed once.
template <class Row, std::size_t... N>
constexpr std::array<Field<Row>, (N + ...)> join_fields(const std::array<Field<Row>, N>&... parts) {
  std::array<Field<Row>, (N + ...)> out{};
  std::size_t i = 0;
  auto append = [&](const auto& part) {
    for (const auto& f : part) out[i++] = f;
  };
  (append(parts), ...);
  return out;
}

// ---- one layout bound to one field table --------------------------------------------------------

template <class Row>
class RecordBinding {
 public:
  // Throws std::logic_error naming the layout and the field when the layout names a field the
  // table does not have.
  RecordBinding(const exchange::RecordLayout& layout, std::span<const Field<Row>> fields,
                EmptyItems empty = EmptyItems::Read)
      : layout_(&layout), skip_empty_(empty == EmptyItems::Skip) {
    for (const auto& item : layout.items) {
      const Field<Row>* bound = nullptr;
      if (!item.field.empty()) {
        for (const auto& f : fields) {
          if (f.name == item.field) bound = &f;
        }
        if (!bound) {
          throw std::logic_error(fmt::format("{}.tsv 項番 {}: field {} is not one of this table's", layout.name,
                                             item.no, item.field));
        }
        if (bound->read) (bound->once ? first_only_ : every_).push_back({item.no, bound->read, bound->always});
      }
      items_.push_back(bound);
    }
  }

  const exchange::RecordLayout& layout() const { return *layout_; }

  // Reads the record's items into `row` (the once-only ones when `c.first`), in 項番 order.
  void read(const exchange::Record& r, Row& row, Cursor& c) const {
    if (c.first) read(first_only_, r, row, c);
    read(every_, r, row, c);
  }

  // Items 1 … n as text.
  std::vector<std::string> write(const Row& row, const Cursor& c) const {
    std::vector<std::string> out(items_.size());
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (items_[i] && items_[i]->write) out[i] = items_[i]->write(row, c);
    }
    return out;
  }

 private:
  struct Reader {
    int item;
    void (*read)(Row&, Cursor&, std::string_view);
    bool always;
  };
  void read(const std::vector<Reader>& readers, const exchange::Record& r, Row& row, Cursor& c) const {
    for (const auto& x : readers) {
      const std::string_view v = r.item(x.item);
      if (v.empty() && skip_empty_ && !x.always) continue;
      x.read(row, c, v);
    }
  }

  const exchange::RecordLayout* layout_;
  bool skip_empty_;
  std::vector<const Field<Row>*> items_;  // per 項番; nullptr when unbound
  std::vector<Reader> first_only_, every_;
};

// The bindings of the named layouts to one field table, resolved once.
template <class Row>
class Bindings {
 public:
  Bindings(std::span<const Field<Row>> fields, std::initializer_list<std::string_view> layouts,
           EmptyItems empty = EmptyItems::Read) {
    const auto& registry = exchange::Registry::instance();
    for (auto name : layouts) {
      const auto* layout = registry.layout(name);
      if (!layout) throw std::logic_error(fmt::format("documents: no layout {}", name));
      bindings_.emplace_back(*layout, fields, empty);
    }
  }

  // Throws std::logic_error for a layout these fields are not bound to (a programming error).
  const RecordBinding<Row>& of(const exchange::RecordLayout& layout) const {
    for (const auto& b : bindings_) {
      if (&b.layout() == &layout) return b;
    }
    throw std::logic_error(fmt::format("documents: layout {} is not bound here", layout.name));
  }
  const RecordBinding<Row>* find(const exchange::RecordLayout* layout) const {
    for (const auto& b : bindings_) {
      if (&b.layout() == layout) return &b;
    }
    return nullptr;
  }

  // Reads every record of `doc` these fields are bound to into `row`.
  void read(const exchange::Document& doc, Row& row) const {
    Cursor c;
    const RecordBinding<Row>* b = nullptr;
    const exchange::RecordLayout* last = nullptr;
    for (const auto& r : doc.records()) {
      if (r.layout != last) {
        last = r.layout;
        b = find(last);
      }
      if (!b) continue;
      b->read(r, row, c);
      c.first = false;
    }
  }

 private:
  std::vector<RecordBinding<Row>> bindings_;
};

}  // namespace kaigo::documents
