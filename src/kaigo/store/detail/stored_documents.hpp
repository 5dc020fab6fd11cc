// store/stored_documents — reading back the documents of received files from the bytes the store
// keeps: one file's documents in the reader's order, the 明細書 a document holds, and a set of
// (file, document key, copy) references read file by file. Private to the store module.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

void read_stored(Database& db, std::int64_t submission, const std::function<void(const exchange::Document&)>& fn);
// What read_stored does once it has the file's bytes.
void parse_stored(std::int64_t submission, std::string_view bytes, const std::function<void(const exchange::Document&)>& fn);

// fn(index into files, document) for every document of the files, each file's bytes fetched on this
// thread (the connection is its own) and parsed on one of the cores. fn is called from several
// threads at once, each time for one file's documents in their order: it must only touch what is
// that file's own (or lock). Rethrows the first failure, once every thread has stopped.
void parse_on_cores(Database& db, const std::vector<std::int64_t>& files,
                    const std::function<void(std::size_t, const exchange::Document&)>& fn);

// The 明細書 a document holds: its copies (様式第二 …) or the one 様式第七 viewed as a 明細書.
std::vector<billing::ClaimStatement> claims_of(const exchange::Document& d);

struct StoredRef {
  std::int64_t submission = 0;
  exchange::DocumentKey key;
  std::size_t copy = 1;
};

// The key a doc_key or document_key column holds (DocumentKey::text()); StoreError when the
// database holds a damaged one.
exchange::DocumentKey stored_key(std::string_view text);

// References grouped by file, each file's sorted by key and searched: a file holds hundreds of
// documents, and comparing each with every reference was 8 % of a month's settlement.
class RefsByFile {
 public:
  explicit RefsByFile(const std::vector<StoredRef>& refs) : refs_(refs) {
    std::map<std::int64_t, std::vector<std::size_t>> by_file;
    for (std::size_t i = 0; i < refs.size(); ++i) by_file[refs[i].submission].push_back(i);
    for (auto& [file, indexes] : by_file) {
      std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
      files_.push_back(file);
      indexes_.push_back(std::move(indexes));
    }
  }
  const std::vector<std::int64_t>& files() const { return files_; }
  // fn(index into refs, d) for every reference of the f-th file that names d, in the order of refs.
  template <class Fn>
  void named(std::size_t f, const exchange::Document& d, Fn& fn) const {
    const auto& indexes = indexes_[f];
    auto it = std::lower_bound(indexes.begin(), indexes.end(), d.key,
                               [&](std::size_t i, const exchange::DocumentKey& k) { return key(i) < k; });
    for (; it != indexes.end() && key(*it) == d.key; ++it) fn(*it, d);
  }

 private:
  const exchange::DocumentKey& key(std::size_t i) const { return refs_[i].key; }
  const std::vector<StoredRef>& refs_;
  std::vector<std::int64_t> files_;
  std::vector<std::vector<std::size_t>> indexes_;
};

// Calls fn(index into refs, document) for every document a reference names, reading each file once;
// for one document, in the order of refs. every(file, document) sees every document of the files
// read, named or not (what else a caller needs from those files, without reading them again).
template <class Fn, class Every>
void for_each_stored(Database& db, const std::vector<StoredRef>& refs, Fn&& fn, Every&& every) {
  const RefsByFile by_file(refs);
  for (std::size_t f = 0; f < by_file.files().size(); ++f) {
    read_stored(db, by_file.files()[f], [&](const exchange::Document& d) {
      every(by_file.files()[f], d);
      by_file.named(f, d, fn);
    });
  }
}

// for_each_stored with the files parsed on every core (parse_on_cores): fn and every are called
// from several threads at once, each time for the documents of one file.
template <class Fn, class Every>
void for_each_stored_on_cores(Database& db, const std::vector<StoredRef>& refs, Fn&& fn, Every&& every) {
  const RefsByFile by_file(refs);
  parse_on_cores(db, by_file.files(), [&](std::size_t f, const exchange::Document& d) {
    every(by_file.files()[f], d);
    by_file.named(f, d, fn);
  });
}

template <class Fn>
void for_each_stored(Database& db, const std::vector<StoredRef>& refs, Fn&& fn) {
  for_each_stored(db, refs, std::forward<Fn>(fn), [](std::int64_t, const exchange::Document&) {});
}

}  // namespace kaigo::store
