// auth/x509 — a thin RAII layer over OpenSSL for certificates.cpp: P-256 keys, certificates
// signed with SHA-256, PEM and PKCS#12, and files of mode 0600 that are never overwritten.
// Private to the auth module. Must not: log or return a key except as the PEM asked for.
#pragma once
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/core/free_with.hpp"

namespace kaigo::auth::x509 {

using Key = OwnedBy<EVP_PKEY, EVP_PKEY_free>;
using Cert = OwnedBy<X509, X509_free>;

// OpenSSL's error queue as text (and cleared), for messages.
std::string openssl_error();

Key new_key();  // ECDSA P-256

struct Spec {
  std::vector<std::pair<std::string, std::string>> subject;  // ("CN", "…"), UTF-8
  std::int64_t not_before = 0;                               // POSIX time
  std::int64_t not_after = 0;
  std::vector<std::pair<int, std::string>> extensions;  // (NID, value in openssl.cnf syntax)
};

// A certificate of `key` signed by `issuer_key` with `issuer` as issuer (nullptr: self-signed),
// with a random positive 128-bit serial.
Cert make_certificate(const Spec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key);

std::string pem_of(X509* cert);
std::string pem_of(EVP_PKEY* key);            // unencrypted PKCS#8
Cert read_certificate(std::string_view pem);  // nullptr when not a PEM certificate
Key read_key(std::string_view pem);           // nullptr when not a PEM private key
// PKCS#12 of the key and certificate (and the CA), AES-256 and SHA-256 MAC, protected by `passphrase`.
std::string pkcs12_of(EVP_PKEY* key, X509* cert, X509* ca, const std::string& passphrase, const std::string& name);

std::string serial_hex(X509* cert);   // upper-case hex
std::int64_t not_before(X509* cert);  // POSIX time
std::int64_t not_after(X509* cert);

// Writes `bytes` to a new file of mode 0600; throws std::runtime_error (naming the file) when it
// exists or cannot be written.
void write_private_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace kaigo::auth::x509
