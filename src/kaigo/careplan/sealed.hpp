// careplan/sealed — the hub's files encrypted at rest: XChaCha20-Poly1305 (libsodium
// crypto_aead_xchacha20poly1305_ietf) with a random 24-byte nonce per file and the file's identity
// (its SHA-256 and name) as associated data, so that bytes moved to another row do not open. The
// 256-bit key lives in a key file (64 hex digits), never in the database and never in a log: the
// settings' [careplan] key_file, or `<database>.careplan-key` beside the database, made with mode
// 0600 on first use. A key file others may read is refused.
// Owns: the key file and sealing. Must not: know where sealed bytes are kept.
#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/settings.hpp"

namespace kaigo::careplan {

class SealingKey {
 public:
  // Reads the key file; when `create` and the file is missing, makes a new random key there (0600).
  // Throws std::runtime_error (Japanese / English, naming the path, never the key) when the file
  // cannot be read or made, is not 64 hex digits, or may be read by group or others.
  static SealingKey from_file(const std::filesystem::path& path, bool create);
  ~SealingKey();
  SealingKey(const SealingKey&);
  SealingKey& operator=(const SealingKey&);

  // nonce ‖ ciphertext ‖ tag.
  std::string seal(std::string_view plain, std::string_view context) const;
  // nullopt when the bytes were changed, or sealed under another key or context.
  std::optional<std::string> open(std::string_view sealed, std::string_view context) const;

 private:
  SealingKey() = default;
  std::array<unsigned char, 32> key_{};
};

// Where the key of a database is: settings' key_file (relative to the database's folder), else
// `<database>.careplan-key`.
std::filesystem::path key_path(const CarePlanSettings& settings, const std::filesystem::path& db_path);

}  // namespace kaigo::careplan
