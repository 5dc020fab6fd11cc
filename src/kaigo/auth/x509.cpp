#include "kaigo/auth/x509.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "kaigo/core/date.hpp"

namespace kaigo::auth::x509 {
namespace {

using Bio = OwnedBy<BIO, BIO_free>;

[[noreturn]] void fail(std::string_view what) {
  throw std::runtime_error(
      fmt::format("証明書の処理に失敗しました / certificate operation failed: {}: {}", what, openssl_error()));
}

std::string read_bio(BIO* b) {
  char* data = nullptr;
  long n = BIO_get_mem_data(b, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

Bio memory_of(std::string_view text) { return Bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size()))); }

std::int64_t posix_of(const ASN1_TIME* t) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(t, &tm) != 1) fail("ASN1_TIME_to_tm");
  Date d{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  return static_cast<std::int64_t>(d.serial()) * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

void set_time(ASN1_TIME* t, std::int64_t posix) {
  if (!ASN1_TIME_set(t, static_cast<time_t>(posix))) fail("ASN1_TIME_set");
}

}  // namespace

std::string openssl_error() {
  std::string out;
  while (auto e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "unknown error" : out;
}

Key new_key() {
  Key k(EVP_EC_gen("P-256"));
  if (!k) fail("EVP_EC_gen");
  return k;
}

Cert make_certificate(const Spec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
  Cert c(X509_new());
  if (!c || !X509_set_version(c.get(), 2)) fail("X509_new");
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1) fail("RAND_bytes");
  serial[0] = static_cast<unsigned char>((serial[0] & 0x7f) | 0x10);  // positive, 32 hex digits
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(BN_bin2bn(serial, sizeof serial, nullptr), BN_free);
  if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(c.get()))) fail("serial");
  set_time(X509_getm_notBefore(c.get()), spec.not_before);
  set_time(X509_getm_notAfter(c.get()), spec.not_after);
  X509_NAME* name = X509_get_subject_name(c.get());
  for (const auto& [field, value] : spec.subject) {
    if (!X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0)) {
      fail("subject " + field);
    }
  }
  if (!X509_set_issuer_name(c.get(), issuer ? X509_get_subject_name(issuer) : name)) fail("issuer");
  if (!X509_set_pubkey(c.get(), key)) fail("X509_set_pubkey");
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer ? issuer : c.get(), c.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : spec.extensions) {
    X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) fail(fmt::format("extension {} = {}", OBJ_nid2sn(nid), value));
    const int added = X509_add_ext(c.get(), ext, -1);
    X509_EXTENSION_free(ext);
    if (!added) fail("X509_add_ext");
  }
  if (!X509_sign(c.get(), issuer_key, EVP_sha256())) fail("X509_sign");
  return c;
}

std::string pem_of(X509* cert) {
  Bio b(BIO_new(BIO_s_mem()));
  if (!b || !PEM_write_bio_X509(b.get(), cert)) fail("PEM_write_bio_X509");
  return read_bio(b.get());
}

std::string pem_of(EVP_PKEY* key) {
  Bio b(BIO_new(BIO_s_mem()));
  if (!b || !PEM_write_bio_PrivateKey(b.get(), key, nullptr, nullptr, 0, nullptr, nullptr)) fail("PEM_write");
  return read_bio(b.get());
}

Cert read_certificate(std::string_view pem) {
  auto b = memory_of(pem);
  Cert c(b ? PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!c) ERR_clear_error();
  return c;
}

Key read_key(std::string_view pem) {
  auto b = memory_of(pem);
  Key k(b ? PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!k) ERR_clear_error();
  return k;
}

std::string pkcs12_of(EVP_PKEY* key, X509* cert, X509* ca, const std::string& passphrase, const std::string& name) {
  struct StackFree {
    void operator()(STACK_OF(X509) * s) const { sk_X509_free(s); }
  };
  std::unique_ptr<STACK_OF(X509), StackFree> chain(sk_X509_new_null());
  if (!chain || !sk_X509_push(chain.get(), ca)) fail("sk_X509_push");
  std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(
      PKCS12_create(passphrase.c_str(), name.c_str(), key, cert, chain.get(), NID_aes_256_cbc, NID_aes_256_cbc, 0, 0,
                    0),
      PKCS12_free);
  if (!p12) fail("PKCS12_create");
  Bio b(BIO_new(BIO_s_mem()));
  if (!b || !i2d_PKCS12_bio(b.get(), p12.get())) fail("i2d_PKCS12_bio");
  return read_bio(b.get());
}

std::string serial_hex(X509* cert) {
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(ASN1_INTEGER_to_BN(X509_get_serialNumber(cert), nullptr), BN_free);
  if (!bn) fail("ASN1_INTEGER_to_BN");
  char* hex = BN_bn2hex(bn.get());
  if (!hex) fail("BN_bn2hex");
  std::string out(hex);
  OPENSSL_free(hex);
  return out;
}

std::int64_t not_before(X509* cert) { return posix_of(X509_get0_notBefore(cert)); }
std::int64_t not_after(X509* cert) { return posix_of(X509_get0_notAfter(cert)); }

void write_private_file(const std::filesystem::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error(
        fmt::format("{} を作れません / cannot create {}: {}", path.string(), path.string(), std::strerror(errno)));
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      throw std::runtime_error(
          fmt::format("{} に書けません / cannot write {}: {}", path.string(), path.string(), std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    throw std::runtime_error(fmt::format("{} に書けません / cannot write {}", path.string(), path.string()));
  }
}

}  // namespace kaigo::auth::x509
