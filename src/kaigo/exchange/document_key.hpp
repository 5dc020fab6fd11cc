// exchange/document_key — the identity of one 交換情報 document (帳票の識別): its 交換情報識別番号
// followed by the values of its form's key items (Form::key_items), in that order. The reader
// builds it once per document; reception finds the same document sent twice by it, the store keeps
// it (`text()`) and the review and settlement find a stored document by it.
// Owns: the key's values, their order and equality, and its one text form. Must not: know what a
// value means (which is the 被保険者番号, …): that is the layout's.
#pragma once
#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace kaigo::exchange {

class DocumentKey {
 public:
  // The 交換情報識別番号 and at most 15 key items (forms.tsv refuses more).
  static constexpr std::size_t kMaxValues = 16;

  DocumentKey() = default;
  static DocumentKey of(std::initializer_list<std::string_view> values);

  // Appends the next value; std::length_error past kMaxValues.
  void push_back(std::string_view value);
  void clear();

  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  std::string_view operator[](std::size_t i) const;
  // The 交換情報識別番号, or empty for an empty key.
  std::string_view code() const { return empty() ? std::string_view{} : (*this)[0]; }

  // The key as one line of text, for the store's doc_key column, the ids of decisions and the
  // error list: the values separated by '|', a '|' or '\' inside a value escaped with '\'.
  // CP932 has both bytes as the second byte of some characters, so without the escape two keys
  // could share a text. Keys of digits and ASCII codes (all of the real ones) read as before.
  std::string text() const;
  void append_text(std::string& out) const;
  // The key a text() names; nullopt when the text is not one (a '\' at its end, too many values).
  static std::optional<DocumentKey> from_text(std::string_view text);

  friend bool operator==(const DocumentKey& a, const DocumentKey& b) {
    return a.count_ == b.count_ && a.values_ == b.values_ &&
           std::equal(a.ends_.begin(), a.ends_.begin() + a.count_, b.ends_.begin());
  }
  // Value by value, so that a key sorts before the keys it is a prefix of.
  friend std::strong_ordering operator<=>(const DocumentKey& a, const DocumentKey& b);

  std::size_t hash() const;

  // The key with every value as UTF-8 text (text::printable: a CP932 character converted, an invalid
  // byte written \xHH): the form reception stores and lists. The reader's keys are the file's bytes.
  DocumentKey printable() const;
  bool is_ascii() const;

 private:
  std::string values_;                                // the values, one after another
  std::array<std::uint32_t, kMaxValues> ends_{};      // where each value ends in values_
  std::uint8_t count_ = 0;
};

struct DocumentKeyHash {
  std::size_t operator()(const DocumentKey& k) const { return k.hash(); }
};

}  // namespace kaigo::exchange
