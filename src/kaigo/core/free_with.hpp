// core/free_with — the one deleter for a C library's objects held by std::unique_ptr and released
// by the library's own function (OpenSSL's X509_free, cairo's cairo_destroy, …).
// Must not: know any of those libraries.
#pragma once
#include <memory>

namespace kaigo {

// Calls `Free` (a function taking the object's pointer) on the object.
template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* object) const {
    Free(object);
  }
};

// A `T` owned alone and released by `Free`.
template <class T, auto Free>
using OwnedBy = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace kaigo
