// auth/refusal — why auth said no: a project code (KAnn, docs/auth.md), the rule it applies, and
// the reason in Japanese and English. Every refusal of an account, login, reset or certificate is
// one of these; none carries a secret.
// Owns: the value and its one-line form. Must not: decide anything.
#pragma once
#include <string>
#include <vector>

namespace kaigo::auth {

struct Refusal {
  std::string code;  // KA01 …
  std::string rule;  // the rule applied, e.g. "seed 001: 代理請求は100事業所まで"
  std::string message_ja;
  std::string message_en;

  // "[CODE] 日本語 / English (rule)"
  std::string to_string() const;
};

using Refusals = std::vector<Refusal>;

}  // namespace kaigo::auth
