#include "kaigo/auth/certificates.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <system_error>

#include "kaigo/auth/x509.hpp"
#include "kaigo/core/enum_table.hpp"

namespace kaigo::auth {
namespace {

constexpr std::string_view kValidityRule = "seed 001: 電子証明書の有効期間3年 ([auth] certificate_days)";

LocalDateTime local_of(std::int64_t posix) { return LocalDateTime::from_serial_seconds(posix + 9 * 3600); }

Refusal file_exists(const std::filesystem::path& p) {
  return {"KA39", "", fmt::format("{} はすでにあります（上書きしません）", p.string()),
          fmt::format("{} exists (it is never overwritten)", p.string())};
}

// The CA's name: the 国保連's.
std::vector<std::pair<std::string, std::string>> ca_subject(const Settings& s) {
  return {{"O", s.name}, {"CN", s.name + " 電子請求受付 認証局"}};
}

Refusals refuse_existing(std::initializer_list<std::filesystem::path> files) {
  Refusals out;
  for (const auto& f : files) {
    if (std::filesystem::exists(f)) out.push_back(file_exists(f));
  }
  return out;
}

void make_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw std::runtime_error(fmt::format("フォルダ {} を作れません / cannot create folder {}: {}", dir.string(),
                                         dir.string(), ec.message()));
  }
}

Refusal refusal(std::string_view code, std::string_view rule, std::string ja, std::string en) {
  return {std::string(code), std::string(rule), std::move(ja), std::move(en)};
}

}  // namespace

CaInit init_ca(CertificateStore& store, const Settings& settings, const std::filesystem::path& out_dir,
               const Caller& by) {
  CaInit result;
  if (store.ca()) {
    result.refusals.push_back(
        refusal("KA40", "", "認証局はすでに作られています（作り直すと発行済みの証明書がすべて無効になります）",
                "the CA exists already (a new one would invalidate every certificate issued)"));
    return result;
  }
  const auto dir = std::filesystem::absolute(out_dir);
  result.files = {dir / "ca.crt", dir / "ca.key", dir / "server.crt", dir / "server.key"};
  const auto& f = result.files;
  result.refusals = refuse_existing({f.ca_certificate, f.ca_key, f.server_certificate, f.server_key});
  if (!result.refusals.empty()) return result;

  const auto& a = settings.auth;
  const auto start = by.at.unix_time();
  auto ca_key = x509::new_key();
  x509::Spec ca_spec{ca_subject(settings),
                     start,
                     start + static_cast<std::int64_t>(a.ca_days) * 86400,
                     {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                      {NID_key_usage, "critical,keyCertSign,cRLSign"},
                      {NID_subject_key_identifier, "hash"}}};
  auto ca = x509::make_certificate(ca_spec, ca_key.get(), nullptr, ca_key.get());
  auto server_key = x509::new_key();
  x509::Spec server_spec{
      {{"O", settings.name}, {"CN", "localhost"}},
      start,
      std::min(ca_spec.not_after, start + static_cast<std::int64_t>(a.server_certificate_days) * 86400),
      {{NID_basic_constraints, "critical,CA:FALSE"},
       {NID_key_usage, "critical,digitalSignature"},
       {NID_ext_key_usage, "serverAuth"},
       {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
       {NID_subject_key_identifier, "hash"},
       {NID_authority_key_identifier, "keyid"}}};
  auto server = x509::make_certificate(server_spec, server_key.get(), ca.get(), ca_key.get());

  make_dir(dir);
  const auto ca_pem = x509::pem_of(ca.get());
  const auto server_pem = x509::pem_of(server.get());
  x509::write_private_file(f.ca_key, x509::pem_of(ca_key.get()));
  x509::write_private_file(f.ca_certificate, ca_pem);
  x509::write_private_file(f.server_key, x509::pem_of(server_key.get()));
  x509::write_private_file(f.server_certificate, server_pem);
  result.not_after = local_of(ca_spec.not_after);
  CaRecord record{ca_pem, f.ca_key.string(), server_pem, by.at};
  auto e = event_of(by, AuditAction::CaInit, x509::serial_hex(ca.get()),
                    {{"not_after", result.not_after.str()},
                     {"key_file", f.ca_key.string()},
                     {"server_serial", x509::serial_hex(server.get())}});
  if (!store.add_ca(record, e)) {
    for (const auto& p : {f.ca_certificate, f.ca_key, f.server_certificate, f.server_key}) std::filesystem::remove(p);
    result.refusals.push_back(refusal("KA40", "", "認証局はすでに作られています", "the CA exists already"));
  }
  return result;
}

Issued issue_certificate(CertificateStore& store, const Settings& settings, const IssueRequest& req, const Caller& by) {
  Issued out;
  auto ca_record = store.ca();
  if (!ca_record) {
    out.refusals.push_back(refusal("KA41", "", "認証局がありません。先に kaigo ca init を実行してください",
                                   "there is no CA; run kaigo ca init first"));
    return out;
  }
  std::vector<std::string> offices = req.offices;
  if (std::find(offices.begin(), offices.end(), req.office_no) == offices.end()) {
    offices.insert(offices.begin(), req.office_no);
  }
  out.refusals = check_offices(offices, settings.auth.max_offices);
  if (req.applied_on > by.at.date) {
    out.refusals.push_back(refusal(
        "KA50", "", fmt::format("申請日 {} が発行日 {} より後です", req.applied_on.str(), by.at.date.str()),
        fmt::format("the application date {} is after the issue date {}", req.applied_on.str(), by.at.date.str())));
  }
  if (!out.refusals.empty()) return out;

  auto ca = x509::read_certificate(ca_record->certificate_pem);
  const auto key_path = req.ca_key.value_or(std::filesystem::path(ca_record->key_file));
  std::string key_pem;
  if (std::error_code ec; std::filesystem::is_regular_file(key_path, ec)) {
    std::FILE* f = std::fopen(key_path.c_str(), "rb");
    if (f) {
      char buf[4096];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) key_pem.append(buf, n);
      std::fclose(f);
    }
  }
  auto ca_key = x509::read_key(key_pem);
  if (!ca || !ca_key || X509_check_private_key(ca.get(), ca_key.get()) != 1) {
    ERR_clear_error();
    out.refusals.push_back(refusal(
        "KA42", "", fmt::format("認証局の鍵 {} を読めないか、認証局の証明書と対になりません", key_path.string()),
        fmt::format("the CA key {} cannot be read or does not match the CA certificate", key_path.string())));
    return out;
  }
  std::sort(offices.begin(), offices.end());
  const auto start = by.at.unix_time();
  const auto end =
      std::min(x509::not_after(ca.get()), start + static_cast<std::int64_t>(settings.auth.certificate_days) * 86400);
  std::string san;
  for (const auto& o : offices) san += (san.empty() ? "" : ",") + fmt::format("URI:urn:kaigo:office:{}", o);
  x509::Spec spec{{{"O", settings.name}, {"OU", "介護保険証明書"}, {"CN", req.office_no}},
                  start,
                  end,
                  {{NID_basic_constraints, "critical,CA:FALSE"},
                   {NID_key_usage, "critical,digitalSignature"},
                   {NID_ext_key_usage, "clientAuth"},
                   {NID_subject_alt_name, san},
                   {NID_subject_key_identifier, "hash"},
                   {NID_authority_key_identifier, "keyid"}}};
  auto key = x509::new_key();
  auto cert = x509::make_certificate(spec, key.get(), ca.get(), ca_key.get());

  auto& r = out.record;
  r.serial = x509::serial_hex(cert.get());
  r.office_no = req.office_no;
  r.offices = offices;
  r.certificate_pem = x509::pem_of(cert.get());
  r.applied_on = req.applied_on;
  r.not_before = local_of(start);
  r.not_after = local_of(end);
  const auto dir = std::filesystem::absolute(req.out_dir);
  out.key_file = dir / (r.serial + ".key");
  out.certificate_file = dir / (r.serial + ".crt");
  if (req.p12_passphrase) out.p12_file = dir / (r.serial + ".p12");
  out.refusals = refuse_existing({out.key_file, out.certificate_file});
  if (!out.refusals.empty()) return out;
  make_dir(dir);
  x509::write_private_file(out.key_file, x509::pem_of(key.get()));
  x509::write_private_file(out.certificate_file, r.certificate_pem);
  if (req.p12_passphrase) {
    x509::write_private_file(out.p12_file,
                             x509::pkcs12_of(key.get(), cert.get(), ca.get(), *req.p12_passphrase, req.office_no));
  }

  out.fee.month = settlement::due_month(by.at, settings.reception);
  out.fee.charge = {FeeKind::Certificate, req.office_no, req.applied_on};
  out.fee_yen = settings.settlement.fee(FeeKind::Certificate, req.applied_on);
  nlohmann::json detail{{"office_no", req.office_no},
                        {"offices", offices.size()},
                        {"applied_on", req.applied_on.str()},
                        {"not_after", r.not_after.str()},
                        {"fee_month", out.fee.month.str()}};
  if (offices.size() > 1) detail["group"] = offices;
  if (out.fee_yen) detail["fee_yen"] = out.fee_yen->value;
  store.add_certificate(r, out.fee, "certificate:" + r.serial, event_of(by, AuditAction::CertIssue, r.serial, detail));
  return out;
}

Refusals revoke_certificate(CertificateStore& store, std::string_view serial, std::string_view reason,
                            const Caller& by) {
  auto cert = store.certificate(serial);
  if (!cert) {
    return {refusal("KA48", "", fmt::format("シリアル番号 {} の証明書はありません", serial),
                    fmt::format("there is no certificate with serial {}", serial))};
  }
  if (cert->revoked_at) {
    return {refusal("KA51", "", fmt::format("証明書 {} は {} に失効済みです", serial, cert->revoked_at->str()),
                    fmt::format("certificate {} was revoked on {}", serial, cert->revoked_at->str()))};
  }
  auto e = event_of(by, AuditAction::CertRevoke, serial, {{"office_no", cert->office_no}, {"reason", reason}});
  if (!store.revoke(serial, by.at, reason, e)) {
    return {refusal("KA51", "", fmt::format("証明書 {} は失効済みです", serial),
                    fmt::format("certificate {} is already revoked", serial))};
  }
  return {};
}

CertificateState state_at(const CertificateRecord& c, const LocalDateTime& at) {
  if (c.revoked_at && *c.revoked_at <= at) return CertificateState::Revoked;
  if (at < c.not_before) return CertificateState::NotYetValid;
  if (at > c.not_after) return CertificateState::Expired;
  return CertificateState::Valid;
}

bool PeerCheck::speaks_for(std::string_view office) const {
  return ok() && std::binary_search(offices.begin(), offices.end(), office);
}

PeerVerifier::PeerVerifier(std::string_view ca_pem) {
  auto ca = x509::read_certificate(ca_pem);
  if (!ca) throw std::runtime_error("認証局の証明書を読めません / cannot read the CA certificate");
  trusted_.reset(X509_STORE_new(), X509_STORE_free);
  if (!trusted_ || X509_STORE_add_cert(trusted_.get(), ca.get()) != 1) {
    throw std::runtime_error("認証局の証明書を登録できません / cannot load the CA certificate: " +
                             x509::openssl_error());
  }
}

PeerCheck PeerVerifier::check_pem(CertificateStore& store, std::string_view peer_pem, const LocalDateTime& at) const {
  auto cert = x509::read_certificate(peer_pem);
  if (!cert) {
    PeerCheck out;
    out.refusal = refusal("KA44", "", "証明書を読めません", "the certificate cannot be read");
    return out;
  }
  return check(store, cert.get(), at);
}

PeerCheck PeerVerifier::check(CertificateStore& store, x509_st* peer, const LocalDateTime& at) const {
  PeerCheck out;
  if (!peer) {
    out.refusal =
        refusal("KA44", "mutual TLS", "クライアント証明書がありません", "no client certificate was presented");
    return out;
  }
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), X509_STORE_CTX_free);
  if (!ctx || X509_STORE_CTX_init(ctx.get(), trusted_.get(), peer, nullptr) != 1) {
    throw std::runtime_error("証明書を検証できません / cannot verify a certificate: " + x509::openssl_error());
  }
  X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), static_cast<time_t>(at.unix_time()));
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
  out.serial = x509::serial_hex(peer);
  if (X509_verify_cert(ctx.get()) != 1) {
    const int err = X509_STORE_CTX_get_error(ctx.get());
    ERR_clear_error();
    const auto end = local_of(x509::not_after(peer)).str();
    const auto start = local_of(x509::not_before(peer)).str();
    switch (err) {
      case X509_V_ERR_CERT_HAS_EXPIRED:
        out.refusal = refusal("KA45", kValidityRule, fmt::format("証明書の有効期限 {} を過ぎています", end),
                              fmt::format("the certificate expired on {}", end));
        break;
      case X509_V_ERR_CERT_NOT_YET_VALID:
        out.refusal = refusal("KA46", kValidityRule, fmt::format("証明書は {} から有効です", start),
                              fmt::format("the certificate is valid from {}", start));
        break;
      case X509_V_ERR_INVALID_PURPOSE:
        out.refusal = refusal("KA49", "mutual TLS", "クライアント認証用の証明書ではありません",
                              "not a certificate for TLS client authentication");
        break;
      default:
        out.refusal = refusal(
            "KA44", "mutual TLS",
            fmt::format("この国保連の認証局が発行した証明書ではありません（{}）", X509_verify_cert_error_string(err)),
            fmt::format("the certificate was not issued by this 国保連's CA ({})", X509_verify_cert_error_string(err)));
    }
    return out;
  }
  auto record = store.certificate(out.serial);
  if (!record || record->certificate_pem != x509::pem_of(peer)) {
    out.refusal =
        refusal("KA48", "mutual TLS", fmt::format("シリアル番号 {} の証明書は発行記録にありません", out.serial),
                fmt::format("certificate {} is not in the record of issued certificates", out.serial));
    return out;
  }
  if (record->revoked_at && *record->revoked_at <= at) {
    out.refusal = refusal("KA47", "kaigo cert revoke",
                          fmt::format("証明書 {} は {} に失効しています", out.serial, record->revoked_at->str()),
                          fmt::format("certificate {} was revoked on {}", out.serial, record->revoked_at->str()));
    return out;
  }
  out.office_no = record->office_no;
  out.offices = record->offices;
  return out;
}

}  // namespace kaigo::auth
