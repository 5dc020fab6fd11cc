// core/sha256 — the SHA-256 of bytes as 64 lowercase hex digits: the identity of a received file.
// Owns: that one function (OpenSSL's implementation). Must not: read files.
#pragma once
#include <string>
#include <string_view>

namespace kaigo {

std::string sha256_hex(std::string_view bytes);

}  // namespace kaigo
