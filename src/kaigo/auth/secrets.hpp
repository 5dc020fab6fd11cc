// auth/secrets — the secret material of accounts: Argon2id hashes of passwords and security
// codes (libsodium crypto_pwhash_str), random tokens (sessions, reset links), the digest a token is
// stored under, the CSRF token bound to a session, and constant-time comparison.
// Owns: those primitives and the password policy. Must not: store, log or print a secret.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/auth/refusal.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::auth {

// Initialises libsodium once (thread-safe; every function below calls it). A server may call it
// before starting its threads.
void init_crypto();

// Argon2id cost: opslimit and memlimit (bytes) from [auth] password_ops / password_mem_kib.
struct HashCost {
  std::uint64_t ops = 2;
  std::size_t mem_bytes = 32u << 20;
};
HashCost hash_cost(const AuthSettings& s);

// "$argon2id$v=19$m=…,t=…,p=1$salt$hash" with a fresh random salt.
std::string hash_secret(std::string_view secret, HashCost cost);
// Whether `secret` matches `hash` (false for an empty or malformed hash).
bool verify_secret(std::string_view hash, std::string_view secret);
// Whether `hash` was made with another cost than `cost` (then a successful login re-hashes).
bool needs_rehash(std::string_view hash, HashCost cost);

// The password policy (docs/auth.md): at least `min_length` characters (code points), at most
// 256 bytes, UTF-8 without control characters, not containing the user ID, not one character
// repeated. `what_ja` / `what_en` name the secret ("パスワード" / "password").
std::optional<Refusal> check_secret_policy(std::string_view secret, std::string_view user_id, int min_length,
                                           std::string_view what_ja = "パスワード",
                                           std::string_view what_en = "password");

// 32 random bytes (256 bits) as base64url without padding: 43 characters, safe in a cookie.
std::string random_token();
// A secret to be printed on paper (the initial password and 証明書発行用パスワード of a KJ-ID letter):
// `length` characters drawn uniformly from digits and letters without the look-alikes 0 O o 1 I l
// (56 symbols, ~5.8 bits each).
std::string random_printable_secret(std::size_t length);
// What the store keeps instead of a token: its SHA-256 (hex). A token has 256 random bits, so a
// fast hash is enough; a database leak gives no live session or reset link.
std::string token_digest(std::string_view token);
// The CSRF token of a session: a keyed BLAKE2b hash of the session token (base64url), so it is
// not stored and cannot be derived without the session token itself.
std::string csrf_token_for(std::string_view session_token);
// Equality in time independent of where the strings differ (sodium_memcmp).
bool equal_secret(std::string_view a, std::string_view b);

}  // namespace kaigo::auth
