#include "kaigo/auth/secrets.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <stdexcept>

#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxSecretBytes = 256;

std::string base64url(const unsigned char* bytes, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return upper(a) == upper(b); });
  return it != haystack.end();
}

Refusal policy(std::string_view code, std::string ja, std::string en) {
  return {std::string(code), "docs/auth.md password policy", std::move(ja), std::move(en)};
}

}  // namespace

void init_crypto() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium を初期化できません / cannot initialise libsodium");
  });
}

HashCost hash_cost(const AuthSettings& s) {
  return {static_cast<std::uint64_t>(s.password_ops), static_cast<std::size_t>(s.password_mem_kib) * 1024};
}

std::string hash_secret(std::string_view secret, HashCost cost) {
  init_crypto();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), secret.data(), secret.size(), cost.ops, cost.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error(
        "パスワードのハッシュに必要なメモリを確保できません / out of memory while hashing a password");
  }
  return std::string(out.data());
}

bool verify_secret(std::string_view hash, std::string_view secret) {
  init_crypto();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> h{};
  std::copy(hash.begin(), hash.end(), h.begin());
  return crypto_pwhash_str_verify(h.data(), secret.data(), secret.size()) == 0;
}

bool needs_rehash(std::string_view hash, HashCost cost) {
  init_crypto();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  std::array<char, crypto_pwhash_STRBYTES> h{};
  std::copy(hash.begin(), hash.end(), h.begin());
  return crypto_pwhash_str_needs_rehash(h.data(), cost.ops, cost.mem_bytes) != 0;
}

std::optional<Refusal> check_secret_policy(std::string_view secret, std::string_view user_id, int min_length,
                                           std::string_view what_ja, std::string_view what_en) {
  if (find_invalid_utf8(secret) != std::string_view::npos || std::any_of(secret.begin(), secret.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      })) {
    return policy("KA12", fmt::format("{}に制御文字または UTF-8 でないバイトがあります", what_ja),
                  fmt::format("the {} contains a control character or a byte that is not UTF-8", what_en));
  }
  if (code_points(secret) < static_cast<std::size_t>(min_length)) {
    return policy("KA10", fmt::format("{}は {} 文字以上にしてください", what_ja, min_length),
                  fmt::format("the {} must have at least {} characters", what_en, min_length));
  }
  if (secret.size() > kMaxSecretBytes) {
    return policy("KA11", fmt::format("{}は {} バイトまでです", what_ja, kMaxSecretBytes),
                  fmt::format("the {} must be at most {} bytes", what_en, kMaxSecretBytes));
  }
  if (contains_ignoring_case(secret, user_id)) {
    return policy("KA13", fmt::format("{}にユーザIDを含めないでください", what_ja),
                  fmt::format("the {} must not contain the user ID", what_en));
  }
  if (std::all_of(secret.begin(), secret.end(), [&](char c) { return c == secret.front(); })) {
    return policy("KA14", fmt::format("{}が同じ文字の繰り返しです", what_ja),
                  fmt::format("the {} is one character repeated", what_en));
  }
  return std::nullopt;
}

std::string random_token() {
  init_crypto();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  auto out = base64url(bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return out;
}

std::string random_printable_secret(std::size_t length) {
  static constexpr std::string_view kSymbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
  init_crypto();
  std::string out;
  out.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    out += kSymbols[randombytes_uniform(static_cast<std::uint32_t>(kSymbols.size()))];
  }
  return out;
}

std::string token_digest(std::string_view token) { return sha256_hex(token); }

std::string csrf_token_for(std::string_view session_token) {
  init_crypto();
  static constexpr std::string_view kContext = "kaigo csrf v1";
  std::array<unsigned char, crypto_generichash_BYTES> out{};
  // A token is 43 bytes, within BLAKE2b's key sizes (16..64); anything else is hashed first.
  std::string key(session_token);
  if (key.size() < crypto_generichash_KEYBYTES_MIN || key.size() > crypto_generichash_KEYBYTES_MAX) {
    key = sha256_hex(session_token);
  }
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  sodium_memzero(key.data(), key.size());
  return base64url(out.data(), out.size());
}

bool equal_secret(std::string_view a, std::string_view b) {
  init_crypto();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kaigo::auth
