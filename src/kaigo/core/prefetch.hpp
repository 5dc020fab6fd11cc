// core/prefetch — asks the memory for a cache line ahead of its use (the review's lookups of the
// next 明細書, issue 19). Written as an instruction the compiler must keep: GCC at -O3 dropped a
// __builtin_prefetch whose address came through an inlined key lookup.
// Owns: that one instruction. Must not: read or write anything.
#pragma once

namespace kaigo {

inline void prefetch(const void* address) {
#if defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(address)));
#else
  __builtin_prefetch(address);
#endif
}

}  // namespace kaigo
