// auth/certificates: the CA and the server certificate (files of mode 0600u), office certificates
// for one office and a 代理請求 group (at most 100, seed 001), what a peer certificate speaks for
// after the handshake and every refusal (another CA, expired, not yet valid, revoked, unknown,
// not a client certificate), PKCS#12, and the fee each issue records.
#include <gtest/gtest.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include "kaigo/auth/certificates.hpp"
#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/auth_support.hpp"

namespace kaigo::testing {
namespace {

struct CaWorld : AuthWorld {
  auth::CaInit ca;
  CaWorld() { ca = auth::init_ca(*store, settings, dir / "ca", operator_at("2026-01-05T09:00:00")); }
  auth::Issued issue(const std::string& office, const char* applied_on, const char* at,
                     std::vector<std::string> group = {}) {
    auth::IssueRequest req;
    req.office_no = office;
    req.offices = std::move(group);
    req.applied_on = *Date::parse(applied_on);
    req.out_dir = dir / "certs";
    return auth::issue_certificate(*store, settings, req, operator_at(at));
  }
  auth::PeerVerifier verifier() { return auth::PeerVerifier(store->ca()->certificate_pem); }
};

TEST(AuthCa, InitWritesFourPrivateFilesOnce) {
  CaWorld w;
  ASSERT_TRUE(w.ca.refusals.empty()) << w.ca.refusals[0].to_string();
  for (const auto& f :
       {w.ca.files.ca_certificate, w.ca.files.ca_key, w.ca.files.server_certificate, w.ca.files.server_key}) {
    EXPECT_EQ(mode_of(f), 0600u) << f;
  }
  EXPECT_EQ(w.ca.not_after, jst("2045-12-31T09:00:00"));  // 7,300 days
  auto rec = w.store->ca();
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->key_file, w.ca.files.ca_key.string());
  EXPECT_EQ(rec->certificate_pem, read_file(w.ca.files.ca_certificate));
  EXPECT_EQ(read_file(w.ca.files.ca_key).find("-----BEGIN PRIVATE KEY-----\n"), 0u);
  // The key is not in the database.
  EXPECT_EQ(read_file(w.db_path()).find(read_file(w.ca.files.ca_key).substr(28, 60)), std::string::npos);

  auto again = auth::init_ca(*w.store, w.settings, w.dir / "ca2", operator_at("2026-01-06T09:00:00"));
  ASSERT_EQ(again.refusals.size(), 1u);
  EXPECT_EQ(again.refusals[0].code, "KA40");
  EXPECT_FALSE(std::filesystem::exists(w.dir / "ca2"));
  EXPECT_EQ(w.audit_count("ca_init"), 1);
}

TEST(AuthCa, ExistingFilesAreNeverOverwritten) {
  AuthWorld w;
  std::filesystem::create_directories(w.dir / "ca");
  write_file(w.dir / "ca" / "server.key", "mine");
  auto r = auth::init_ca(*w.store, w.settings, w.dir / "ca", operator_at("2026-01-05T09:00:00"));
  ASSERT_EQ(r.refusals.size(), 1u);
  EXPECT_EQ(r.refusals[0].code, "KA39");
  EXPECT_EQ(read_file(w.dir / "ca" / "server.key"), "mine");
  EXPECT_FALSE(w.store->ca());
}

TEST(AuthCertificates, OneOfficeSpeaksForItself) {
  CaWorld w;
  auto r = w.issue("1370000001", "20260401", "2026-04-02T10:00:00");
  ASSERT_TRUE(r.refusals.empty()) << r.refusals[0].to_string();
  EXPECT_EQ(r.record.serial.size(), 32u);
  EXPECT_EQ(r.record.not_before, jst("2026-04-02T10:00:00"));
  EXPECT_EQ(r.record.not_after, jst("2029-04-01T10:00:00"));  // 1,095 days (3 years, seed 001)
  EXPECT_EQ(mode_of(r.key_file), 0600u);
  EXPECT_EQ(read_file(r.certificate_file), r.record.certificate_pem);

  auto check = w.verifier().check_pem(*w.store, read_file(r.certificate_file), jst("2026-04-03T09:00:00"));
  ASSERT_TRUE(check.ok()) << check.refusal->to_string();
  EXPECT_EQ(check.serial, r.record.serial);
  EXPECT_EQ(check.office_no, "1370000001");
  EXPECT_EQ(check.offices, std::vector<std::string>{"1370000001"});
  EXPECT_TRUE(check.speaks_for("1370000001"));
  EXPECT_FALSE(check.speaks_for("1370000002"));
}

TEST(AuthCertificates, AProxyGroupOfAHundredOfficesButNotMore) {
  CaWorld w;
  std::vector<std::string> group;
  for (int i = 2; i <= 100; ++i) group.push_back(std::to_string(1370000000 + i));
  auto r = w.issue("1370000001", "20260401", "2026-04-02T10:00:00", group);
  ASSERT_TRUE(r.refusals.empty()) << r.refusals[0].to_string();
  EXPECT_EQ(r.record.offices.size(), 100u);
  auto check = w.verifier().check_pem(*w.store, r.record.certificate_pem, jst("2026-04-03T09:00:00"));
  EXPECT_TRUE(check.speaks_for("1370000057"));
  EXPECT_TRUE(check.speaks_for("1370000100"));

  group.push_back("1370000101");
  auto over = w.issue("1370000001", "20260401", "2026-04-02T10:00:00", group);
  ASSERT_EQ(over.refusals.size(), 1u);
  EXPECT_EQ(over.refusals[0].code, "KA03");
  EXPECT_EQ(over.refusals[0].message_ja, "事業所は 100 までです（101 件指定されました）");
  EXPECT_EQ(w.store->certificates().size(), 1u);
}

TEST(AuthCertificates, EveryRefusalAfterTheHandshake) {
  CaWorld w;
  auto good = w.issue("1370000001", "20230401", "2023-04-03T10:00:00");
  ASSERT_TRUE(good.refusals.empty());
  auto v = w.verifier();
  auto code_at = [&](const std::string& pem, const char* at) {
    auto c = v.check_pem(*w.store, pem, jst(at));
    return c.ok() ? std::string("ok") : c.refusal->code;
  };
  EXPECT_EQ(code_at(good.record.certificate_pem, "2026-04-01T10:00:00"), "ok");
  EXPECT_EQ(code_at(good.record.certificate_pem, "2026-04-02T10:00:01"), "KA45");  // 3 years are over
  EXPECT_EQ(code_at(good.record.certificate_pem, "2023-04-03T09:59:00"), "KA46");
  EXPECT_EQ(v.check_pem(*w.store, good.record.certificate_pem, jst("2026-04-02T10:00:01")).refusal->message_en,
            "the certificate expired on 2026-04-02T10:00:00");

  // The server's own certificate is ours but not for clients.
  EXPECT_EQ(code_at(w.store->ca()->server_certificate_pem, "2026-04-01T10:00:00"), "KA49");

  // A certificate of another CA with the same office.
  CaWorld other;
  auto foreign = other.issue("1370000001", "20260401", "2026-04-02T10:00:00");
  EXPECT_EQ(code_at(foreign.record.certificate_pem, "2026-04-03T10:00:00"), "KA44");
  EXPECT_EQ(code_at("not a certificate", "2026-04-03T10:00:00"), "KA44");

  // Revoked from the moment of revocation.
  auto r = w.issue("1370000002", "20260401", "2026-04-02T10:00:00");
  EXPECT_TRUE(
      auth::revoke_certificate(*w.store, r.record.serial, "紛失 / lost", operator_at("2026-05-01T12:00:00")).empty());
  EXPECT_EQ(code_at(r.record.certificate_pem, "2026-05-01T11:59:59"), "ok");
  EXPECT_EQ(code_at(r.record.certificate_pem, "2026-05-01T12:00:00"), "KA47");
  EXPECT_EQ(auth::revoke_certificate(*w.store, r.record.serial, "", operator_at("2026-05-02T12:00:00"))[0].code,
            "KA51");
  EXPECT_EQ(auth::revoke_certificate(*w.store, "00", "", operator_at("2026-05-02T12:00:00"))[0].code, "KA48");
  EXPECT_EQ(auth::state_at(*w.store->certificate(r.record.serial), jst("2026-05-02T00:00:00")),
            auth::CertificateState::Revoked);

  // Signed by our CA but not in the record (a database restored from before its issue).
  w.db->connection().prepare("DELETE FROM auth_certificate_offices WHERE serial = ?").bind(1, good.record.serial).run();
  w.db->connection().prepare("DELETE FROM auth_certificates WHERE serial = ?").bind(1, good.record.serial).run();
  EXPECT_EQ(code_at(good.record.certificate_pem, "2026-04-01T10:00:00"), "KA48");
}

TEST(AuthCertificates, NoCaNoKeyNoFutureApplication) {
  AuthWorld none;
  auth::IssueRequest req{"1370000001", {}, {2026, 4, 1}, none.dir / "c", {}, {}};
  EXPECT_EQ(
      auth::issue_certificate(*none.store, none.settings, req, operator_at("2026-04-02T10:00:00")).refusals[0].code,
      "KA41");
  CaWorld w;
  std::filesystem::remove(w.ca.files.ca_key);
  EXPECT_EQ(w.issue("1370000001", "20260401", "2026-04-02T10:00:00").refusals[0].code, "KA42");
  req.ca_key = w.ca.files.server_key;  // a key, but not the CA's
  EXPECT_EQ(auth::issue_certificate(*w.store, w.settings, req, operator_at("2026-04-02T10:00:00")).refusals[0].code,
            "KA42");
  CaWorld x;
  EXPECT_EQ(x.issue("1370000001", "20260403", "2026-04-02T10:00:00").refusals[0].code, "KA50");
}

TEST(AuthCertificates, Pkcs12OpensWithItsPassphrase) {
  CaWorld w;
  auth::IssueRequest req{"1370000001", {}, {2026, 4, 1}, w.dir / "certs", std::string("p12 passphrase"), {}};
  auto r = auth::issue_certificate(*w.store, w.settings, req, operator_at("2026-04-02T10:00:00"));
  ASSERT_TRUE(r.refusals.empty());
  EXPECT_EQ(mode_of(r.p12_file), 0600u);
  auto bytes = read_file(r.p12_file);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size()));
  ASSERT_NE(p12, nullptr);
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  EXPECT_EQ(PKCS12_parse(p12, "wrong", &key, &cert, nullptr), 0);
  ASSERT_EQ(PKCS12_parse(p12, "p12 passphrase", &key, &cert, nullptr), 1);
  auto check = w.verifier().check(*w.store, cert, jst("2026-04-03T10:00:00"));
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(X509_check_private_key(cert, key), 1);
  EVP_PKEY_free(key);
  X509_free(cert);
  PKCS12_free(p12);
}

// The fee of each issue is recorded for the review month whose reception is open at the moment of
// issue (1st–10th: that month; later: the next), at the amount of its application date.
TEST(AuthCertificates, EachIssueRecordsItsFee) {
  CaWorld w;
  auto march = w.issue("1370000001", "20260331", "2026-04-10T23:59:00");
  auto april = w.issue("1370000002", "20260401", "2026-04-11T00:00:00");
  EXPECT_EQ(march.fee.month, (YearMonth{2026, 4}));
  EXPECT_EQ(march.fee_yen, Yen{13200});
  EXPECT_EQ(april.fee.month, (YearMonth{2026, 5}));
  EXPECT_EQ(april.fee_yen, Yen{7800});
  auto due = store::due_fees(*w.db, {2026, 4});
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].charge.office_no, "1370000001");
  EXPECT_EQ(due[0].charge.kind, FeeKind::Certificate);
  EXPECT_EQ(due[0].charge.applied_on, (Date{2026, 3, 31}));
  EXPECT_EQ(store::due_fees(*w.db, {2026, 5}).size(), 1u);
  auto st = w.db->connection().prepare("SELECT source FROM fees_due ORDER BY id");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "certificate:" + march.record.serial);
}

}  // namespace
}  // namespace kaigo::testing
