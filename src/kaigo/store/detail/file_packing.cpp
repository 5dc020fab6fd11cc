#include "kaigo/store/detail/file_packing.hpp"

#include <zstd.h>

#include <memory>
#include <utility>

#include <fmt/format.h>

#include "kaigo/store/errors.hpp"

namespace kaigo::store {
namespace {

// zstd's fastest level: ~8× on the generated month's files at a few hundred MB/s, on the thread
// that stores a receipt group while the caller checks the next one.
constexpr int kPackLevel = 1;

[[noreturn]] void damaged(std::int64_t submission, std::string_view what) {
  throw StoreError(
      fmt::format("受付番号 {} の保存されたファイルを読めません（{}） / the stored bytes of submission {} "
                  "cannot be read ({})",
                  submission, what, submission, what));
}

[[noreturn]] void cannot_pack(std::size_t code) {
  throw StoreError(fmt::format("ファイルを圧縮できません / cannot pack the file: {}", ZSTD_getErrorName(code)));
}

// One context per thread: a file is packed on the storing thread and unpacked on the review's.
// The frame carries a checksum of the content: without it a changed byte of a literal would
// unpack, silently, into other bytes.
ZSTD_CCtx& pack_context() {
  thread_local const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context = [] {
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> c(ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!c) throw StoreError("zstd の作業領域を確保できません / cannot allocate zstd's context");
    for (const auto& [parameter, value] :
         {std::pair{ZSTD_c_compressionLevel, kPackLevel}, std::pair{ZSTD_c_checksumFlag, 1}}) {
      const std::size_t rc = ZSTD_CCtx_setParameter(c.get(), parameter, value);
      if (ZSTD_isError(rc)) cannot_pack(rc);
    }
    return c;
  }();
  return *context;
}

ZSTD_DCtx& unpack_context() {
  thread_local const std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!context) throw StoreError("zstd の作業領域を確保できません / cannot allocate zstd's context");
  return *context;
}

}  // namespace

std::string pack_file(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t n = ZSTD_compress2(&pack_context(), out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(n)) cannot_pack(n);
  out.resize(n);
  return out;
}

std::string unpack_file(std::string_view stored, std::string_view packing, std::int64_t size, std::int64_t submission) {
  if (packing.empty()) {
    if (std::cmp_not_equal(stored.size(), size))
      damaged(submission, fmt::format("{} bytes, {} recorded", stored.size(), size));
    return std::string(stored);
  }
  if (packing != kFilePacking) damaged(submission, fmt::format("unknown packing '{}'", packing));
  const auto framed = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (framed == ZSTD_CONTENTSIZE_ERROR || framed == ZSTD_CONTENTSIZE_UNKNOWN) damaged(submission, "not a zstd frame");
  if (size < 0 || framed != static_cast<unsigned long long>(size)) {
    damaged(submission, fmt::format("{} bytes framed, {} recorded", framed, size));
  }
  std::string out(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompressDCtx(&unpack_context(), out.data(), out.size(), stored.data(), stored.size());
  if (ZSTD_isError(n)) damaged(submission, ZSTD_getErrorName(n));
  if (n != out.size()) damaged(submission, fmt::format("{} bytes unpacked, {} recorded", n, size));
  return out;
}

}  // namespace kaigo::store
