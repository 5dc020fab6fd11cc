#include "kaigo/careplan/sealed.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

namespace kaigo::careplan {
namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium を初期化できません / libsodium failed to initialise");
}

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view ja, std::string_view en) {
  throw std::runtime_error(fmt::format("鍵ファイル {}: {} / key file {}: {}", path.string(), ja, path.string(), en));
}

void write_new_key(const std::filesystem::path& path, const std::array<unsigned char, 32>& key) {
  std::array<char, 65> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fail(path, "作成できません", "cannot be created");
  std::string text(hex.data(), 64);
  text += '\n';
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  sodium_memzero(hex.data(), hex.size());
  if (!ok) fail(path, "書き込めません", "cannot be written");
}

}  // namespace

SealingKey SealingKey::from_file(const std::filesystem::path& path, bool create) {
  ensure_sodium();
  SealingKey k;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (!create) fail(path, "ありません", "does not exist");
    randombytes_buf(k.key_.data(), k.key_.size());
    write_new_key(path, k.key_);
    return k;
  }
  if ((st.st_mode & 077) != 0) fail(path, "所有者以外も読めます（chmod 600 にしてください）", "may be read by others (chmod 600 it)");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "読めません", "cannot be read");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  std::size_t len = 0;
  const bool ok = text.size() == 64 &&
                  sodium_hex2bin(k.key_.data(), k.key_.size(), text.data(), text.size(), nullptr, &len, nullptr) == 0 &&
                  len == k.key_.size();
  sodium_memzero(text.data(), text.size());
  if (!ok) fail(path, "16進64桁の鍵ではありません", "is not a key of 64 hex digits");
  return k;
}

SealingKey::~SealingKey() { sodium_memzero(key_.data(), key_.size()); }
SealingKey::SealingKey(const SealingKey& o) : key_(o.key_) {}
SealingKey& SealingKey::operator=(const SealingKey& o) {
  key_ = o.key_;
  return *this;
}

std::string SealingKey::seal(std::string_view plain, std::string_view context) const {
  constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(nonce_bytes + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, nonce_bytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(p + nonce_bytes, &written, reinterpret_cast<const unsigned char*>(plain.data()),
                                             plain.size(), reinterpret_cast<const unsigned char*>(context.data()),
                                             context.size(), nullptr, p, key_.data());
  out.resize(nonce_bytes + static_cast<std::size_t>(written));
  return out;
}

std::optional<std::string> SealingKey::open(std::string_view sealed, std::string_view context) const {
  constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.size() < nonce_bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string out(sealed.size() - nonce_bytes - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &len, nullptr, p + nonce_bytes,
                                                 sealed.size() - nonce_bytes,
                                                 reinterpret_cast<const unsigned char*>(context.data()), context.size(), p,
                                                 key_.data()) != 0) {
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(len));
  return out;
}

std::filesystem::path key_path(const CarePlanSettings& settings, const std::filesystem::path& db_path) {
  if (settings.key_file.empty()) return std::filesystem::path(db_path.string() + ".careplan-key");
  std::filesystem::path p(settings.key_file);
  return p.is_absolute() ? p : db_path.parent_path() / p;
}

}  // namespace kaigo::careplan
