// store/errors — what a store failure is, for the modules that catch one (the server answers 503
// to StoreBusy). Public; the SQLite layer that throws them is private (store/detail/sqlite).
#pragma once
#include <stdexcept>

namespace kaigo::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another process held the write lock for longer than the busy timeout. Nothing was changed; the
// same request can be made again (the server answers 503 with Retry-After).
class StoreBusy : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace kaigo::store
