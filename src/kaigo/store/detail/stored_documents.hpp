// store/stored_documents — reading back the documents of received files from the bytes the store
// keeps: one file's documents in the reader's order, the 明細書 a document holds, and a set of
// (file, document key, copy) references read file by file. Private to the store module.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

void read_stored(Database& db, std::int64_t submission, const std::function<void(const exchange::Document&)>& fn);

// The 明細書 a document holds: its copies (様式第二 …) or the one 様式第七 viewed as a 明細書.
std::vector<billing::ClaimStatement> claims_of(const exchange::Document& d);

struct StoredRef {
  std::int64_t submission = 0;
  std::string key;
  std::size_t copy = 1;
};

// Calls fn(index into refs, document) for every document a reference names, reading each file once.
template <class Fn>
void for_each_stored(Database& db, const std::vector<StoredRef>& refs, Fn&& fn) {
  std::map<std::int64_t, std::vector<std::size_t>> by_file;
  for (std::size_t i = 0; i < refs.size(); ++i) by_file[refs[i].submission].push_back(i);
  for (const auto& entry : by_file) {
    const auto& indexes = entry.second;  // named: clang 14 lambdas cannot capture structured bindings
    read_stored(db, entry.first, [&](const exchange::Document& d) {
      for (auto i : indexes) {
        if (refs[i].key == d.key) fn(i, d);
      }
    });
  }
}

}  // namespace kaigo::store
