// auth/certificates — the 国保連's certificate authority and the office certificates of mutual
// TLS (電子証明書, seed 001): `kaigo ca init` makes the CA and the server's certificate; `kaigo
// cert issue` makes a client certificate for one office or a 代理請求 group (at most 100 offices,
// seed 001), valid [auth] certificate_days (3 years), and charges its 証明書発行手数料 through the
// fees due (settlement); `kaigo cert revoke` ends one. After the TLS handshake the server asks a
// PeerVerifier which offices the peer's certificate speaks for.
// Keys are ECDSA P-256. The CA key stays in a file of mode 0600 beside the other files `ca init`
// writes, and the database records only its path: the serving process never needs it, and a copy
// of the database gives no way to issue certificates (docs/auth.md).
// Owns: the certificate rules and their refusals, files of mode 0600. Must not: know SQL or HTTP,
// put a key or a passphrase in a log or an audit row.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/refusal.hpp"
#include "kaigo/auth/repository.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/core/settings.hpp"

struct x509_st;        // OpenSSL's X509
struct x509_store_st;  // OpenSSL's X509_STORE

namespace kaigo::auth {

struct CaFiles {
  std::filesystem::path ca_certificate;      // ca.crt: what clients and `kaigo serve --client-ca` trust
  std::filesystem::path ca_key;              // ca.key (0600): needed only by `kaigo cert issue`
  std::filesystem::path server_certificate;  // server.crt: localhost, 127.0.0.1, ::1
  std::filesystem::path server_key;          // server.key (0600)
};

struct CaInit {
  Refusals refusals;  // KA40 a CA exists, KA39 a file exists
  CaFiles files;
  LocalDateTime not_after;
};

// Makes the CA (self-signed, [auth] ca_days) and a server certificate for localhost, 127.0.0.1
// and ::1 ([auth] server_certificate_days); writes the four files into `out_dir` (created if
// needed; existing files are never overwritten) and records the CA.
CaInit init_ca(CertificateStore& store, const Settings& settings, const std::filesystem::path& out_dir,
               const Caller& by);

struct IssueRequest {
  std::string office_no;             // the applying office: named in the certificate, charged the fee
  std::vector<std::string> offices;  // a 代理請求 group (--offices); office_no is added when missing
  Date applied_on;                   // 申請日: decides the fee (seed 000 §3(1))
  std::filesystem::path out_dir;
  std::optional<std::string> p12_passphrase;    // also write <serial>.p12 protected by it
  std::optional<std::filesystem::path> ca_key;  // default: the file `ca init` recorded
};

struct Issued {
  Refusals refusals;  // KA41 no CA, KA42 CA key, KA03/KA04/KA02 offices, KA50 date, KA39 file exists
  CertificateRecord record;
  std::filesystem::path key_file, certificate_file, p12_file;
  settlement::DueFee fee;      // the review month it is deducted from and the charge
  std::optional<Yen> fee_yen;  // its amount by the settings' schedule (nullopt: no rule for the date)
};

// Issues a client certificate at `by.at`, valid until then + [auth] certificate_days (not beyond the
// CA's end), writes <serial>.key (0600), <serial>.crt and optionally <serial>.p12, and records it
// with its fee and audit row in one transaction. The fee is due in the first review month whose
// reception is open at the moment of issue (settlement::due_month).
Issued issue_certificate(CertificateStore& store, const Settings& settings, const IssueRequest& request,
                         const Caller& by);

// KA48 unknown serial, KA51 already revoked.
Refusals revoke_certificate(CertificateStore& store, std::string_view serial, std::string_view reason,
                            const Caller& by);

enum class CertificateState { Valid, NotYetValid, Expired, Revoked };
inline constexpr EnumTable<CertificateState, 4> kCertificateStates{{{
#include "kaigo/auth/certificate_state.enum.inc"
}}};
constexpr const auto& enum_table(CertificateState) { return kCertificateStates; }
CertificateState state_at(const CertificateRecord& cert, const LocalDateTime& at);

// What the server learns from a peer certificate.
struct PeerCheck {
  std::optional<Refusal> refusal;  // KA44 not ours, KA45 expired, KA46 not yet valid, KA47 revoked,
                                   // KA48 not recorded, KA49 not a client certificate
  std::string serial;
  std::string office_no;             // the applying office
  std::vector<std::string> offices;  // every office it speaks for (sorted)
  bool ok() const { return !refusal; }
  bool speaks_for(std::string_view office_no) const;
};

// Checks peer certificates against the CA: the chain, the validity at the given time, the purpose
// (TLS client), and the record (known serial, same certificate, not revoked). Built once from the
// CA certificate (CaRecord::certificate_pem) and shared by every thread; each call reads the
// record through the caller's own store, so a revocation counts from the next request on.
class PeerVerifier {
 public:
  explicit PeerVerifier(std::string_view ca_pem);  // throws std::runtime_error on a bad PEM
  PeerCheck check(CertificateStore& store, x509_st* peer, const LocalDateTime& at) const;
  PeerCheck check_pem(CertificateStore& store, std::string_view peer_pem, const LocalDateTime& at) const;

 private:
  std::shared_ptr<x509_store_st> trusted_;
};

}  // namespace kaigo::auth
