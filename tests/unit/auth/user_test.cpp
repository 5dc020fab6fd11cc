// auth/user and auth/secrets: user IDs, roles and what each needs, 事業所番号 lists (代理請求 ≤ 100,
// seed 001), the password policy, Argon2id hashes, tokens and the CSRF token.
#include <gtest/gtest.h>

#include <set>

#include "kaigo/auth/secrets.hpp"
#include "kaigo/auth/user.hpp"

namespace kaigo::auth {
namespace {

std::vector<std::string> codes(const Refusals& r) {
  std::vector<std::string> out;
  for (const auto& x : r) out.push_back(x.code);
  return out;
}

User user(std::string id, Role role, Job job = Job::None, std::vector<std::string> offices = {},
          std::string medical = {}, std::string insurer = {}, std::string insured = {}) {
  User u;
  u.id = std::move(id);
  u.role = role;
  u.job = job;
  u.offices = std::move(offices);
  u.medical_code = std::move(medical);
  u.insurer_no = std::move(insurer);
  u.insured_no = std::move(insured);
  return u;
}

std::vector<std::string> offices(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(std::to_string(1370000000 + i));
  return out;
}

TEST(AuthUser, UserIdsBeginWithKj) {
  for (const char* ok : {"KJ1370000001", "KJ12345678901A", "KJ0000", "KJ123456789012345678"}) {
    EXPECT_FALSE(check_user_id(ok)) << ok;
  }
  for (const char* bad : {"", "KJ", "KJ123", "kj1370000001", "KX1370000001", "KJ137000000a", "KJ 1370000001",
                          "KJ1234567890123456789", "1370000001"}) {
    auto r = check_user_id(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->code, "KA01");
  }
}

TEST(AuthUser, EachRoleNeedsItsOwnAttributes) {
  auto office = user("KJ1370000001", Role::Office, Job::CareManager, {"1370000001"});
  EXPECT_TRUE(check_user(office, 100).empty());
  auto medical = user("KJ0000000002", Role::Medical, Job::Doctor, {}, "1312345678");
  EXPECT_TRUE(check_user(medical, 100).empty());
  auto municipality = user("KJ0000000003", Role::Municipality, Job::None, {}, "", "131001");
  EXPECT_TRUE(check_user(municipality, 100).empty());
  auto insured = user("KJ0000000004", Role::Insured, Job::None, {}, "", "131001", "H000000001");
  EXPECT_TRUE(check_user(insured, 100).empty());
  EXPECT_TRUE(check_user(user("KJ0000000005", Role::Kokuhoren), 100).empty());
  EXPECT_TRUE(check_user(user("KJ0000000006", Role::Admin), 100).empty());

  EXPECT_EQ(codes(check_user(user("KJ1370000001", Role::Office), 100)), std::vector<std::string>{"KA02"});
  auto bad_medical = medical;
  bad_medical.job = Job::CareManager;
  bad_medical.medical_code = "13123";
  EXPECT_EQ(codes(check_user(bad_medical, 100)), (std::vector<std::string>{"KA02", "KA02"}));
  auto insured_without = insured;
  insured_without.insured_no.clear();
  auto r = check_user(insured_without, 100);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].message_en, "role insured needs an insured number");
  auto admin_with_office = user("KJ0000000006", Role::Admin, Job::None, {"1370000001"});
  EXPECT_EQ(check_user(admin_with_office, 100)[0].message_en, "role admin takes no office number");
  auto bad_mail = office;
  bad_mail.email = "not an address";
  EXPECT_EQ(codes(check_user(bad_mail, 100)), std::vector<std::string>{"KA02"});
}

TEST(AuthUser, AProxyClaimantHasAtMostOneHundredOffices) {
  EXPECT_TRUE(check_offices(offices(100), 100).empty());
  auto over = check_offices(offices(101), 100);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].code, "KA03");
  EXPECT_EQ(over[0].rule, "seed 001: 代理請求は1つの電子証明書で100事業所まで");
  EXPECT_EQ(over[0].message_en, "at most 100 offices (101 given)");
  auto twice = offices(3);
  twice.push_back(twice[1]);
  EXPECT_EQ(codes(check_offices(twice, 100)), std::vector<std::string>{"KA04"});
  EXPECT_EQ(codes(check_offices({"137000000"}, 100)), std::vector<std::string>{"KA02"});
}

TEST(AuthUser, WhoActsForWhat) {
  auto u = user("KJ1370000001", Role::Office, Job::None, {"1370000001", "1370000005"});
  EXPECT_TRUE(u.acts_for_office("1370000005"));
  EXPECT_FALSE(u.acts_for_office("1370000002"));
  auto m = user("KJ0000000003", Role::Municipality, Job::None, {}, "", "131001");
  EXPECT_TRUE(m.acts_for_insurer("131001"));
  EXPECT_FALSE(m.acts_for_insurer("131002"));
  EXPECT_FALSE(m.acts_for_office("1370000001"));
  auto p = user("KJ0000000004", Role::Insured, Job::None, {}, "", "131001", "H000000001");
  EXPECT_TRUE(p.is_person("131001", "H000000001"));
  EXPECT_FALSE(p.is_person("131001", "H000000002"));
  EXPECT_FALSE(p.acts_for_insurer("131001"));
}

TEST(AuthUser, OfficeListFile) {
  auto list = parse_office_list("\xEF\xBB\xBFoffice_no\n1370000001\n# comment\n\n 1370000002 \r\n", "group.csv");
  EXPECT_TRUE(list.problems.empty());
  EXPECT_EQ(list.offices, (std::vector<std::string>{"1370000001", "1370000002"}));
  auto bad = parse_office_list("1370000001\n13700-0002\n", "group.csv");
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_EQ(bad.problems[0].message_en, "group.csv:2: office number \"13700-0002\" is not 10 letters or digits");
  EXPECT_EQ(parse_office_list("\xff\n", "g.csv").problems[0].code, "KA05");
}

TEST(AuthSecrets, PasswordPolicy) {
  auto code = [](std::string_view pw) {
    auto r = check_secret_policy(pw, "KJ1370000001", 12);
    return r ? r->code : std::string("ok");
  };
  EXPECT_EQ(code("correct horse battery"), "ok");
  EXPECT_EQ(code("パスワードは十二文字以上です"), "ok");  // 14 characters, 42 bytes
  EXPECT_EQ(code("elevenchars"), "KA10");
  EXPECT_EQ(code("日本語のパスワード"), "KA10");  // 9 characters, 27 bytes
  EXPECT_EQ(code(std::string(257, 'a') + "b"), "KA11");
  EXPECT_EQ(code("tab\tinside password"), "KA12");
  EXPECT_EQ(code("bad utf8 \xc3 password"), "KA12");
  EXPECT_EQ(code("my kj1370000001 pass"), "KA13");
  EXPECT_EQ(code("aaaaaaaaaaaaaaaa"), "KA14");
  auto r = check_secret_policy("short", "KJ1", 12);
  EXPECT_EQ(r->message_ja, "パスワードは 12 文字以上にしてください");
}

TEST(AuthSecrets, Argon2idHashes) {
  HashCost cheap{1, 1 << 20};
  auto h = hash_secret("correct horse battery", cheap);
  EXPECT_TRUE(h.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
  EXPECT_NE(h, hash_secret("correct horse battery", cheap));  // fresh salt
  EXPECT_TRUE(verify_secret(h, "correct horse battery"));
  EXPECT_FALSE(verify_secret(h, "correct horse batterY"));
  EXPECT_FALSE(verify_secret("", ""));
  EXPECT_FALSE(verify_secret("$argon2id$garbage", "x"));
  EXPECT_FALSE(needs_rehash(h, cheap));
  EXPECT_TRUE(needs_rehash(h, {2, 1 << 20}));
  EXPECT_EQ(hash_cost(AuthSettings{}).mem_bytes, 32u << 20);
  EXPECT_EQ(hash_cost(AuthSettings{}).ops, 2u);
}

TEST(AuthSecrets, TokensAreRandomAndOnlyTheirDigestIsKept) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto t = random_token();
    ASSERT_EQ(t.size(), 43u);
    ASSERT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto t = random_token();
  EXPECT_EQ(csrf_token_for(t), csrf_token_for(t));
  EXPECT_NE(csrf_token_for(t), csrf_token_for(random_token()));
  EXPECT_NE(csrf_token_for(t), t);
  EXPECT_TRUE(equal_secret("same", "same"));
  EXPECT_FALSE(equal_secret("same", "samE"));
  EXPECT_FALSE(equal_secret("same", "same!"));
}

}  // namespace
}  // namespace kaigo::auth
