#include "kaigo/auth/audit.hpp"

#include <fmt/format.h>

#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::auth {
namespace {

constexpr std::size_t kMaxText = 256;
constexpr std::size_t kMaxDetail = 8192;

// Control characters and bytes that are not UTF-8 become '?'; at most kMaxText bytes, cut on a
// character boundary. What an attacker typed (a user ID at a failed login) is kept this way.
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(std::min(s.size(), kMaxText));
  while (!s.empty()) {
    auto bad = find_invalid_utf8(s);
    auto good = s.substr(0, bad);
    for (char c : good) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    if (bad == std::string_view::npos) break;
    out += '?';
    s.remove_prefix(bad + 1);
  }
  if (out.size() > kMaxText) {
    auto cut = kMaxText;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void field(std::string& out, std::string_view name, std::string_view value) {
  out += fmt::format("{}:{}:", name, value.size());
  out.append(value);
  out += '\n';
}

Refusal problem(std::string_view code, std::string ja, std::string en) {
  return {std::string(code), "docs/auth.md audit chain", std::move(ja), std::move(en)};
}

}  // namespace

AuditEvent event_of(const Caller& by, AuditAction action, std::string_view target, nlohmann::json detail) {
  AuditEvent e;
  e.at = by.at;
  e.actor = by.who;
  e.source = by.from;
  e.action = std::string(enum_code(action));
  e.target = std::string(target);
  e.detail = std::move(detail);
  return e;
}

std::string canonical_content(const AuditRow& r) {
  std::string out = "kaigo-audit-v1\n";
  field(out, "seq", std::to_string(r.seq));
  field(out, "at", r.at.str());
  field(out, "actor", r.actor);
  field(out, "source", r.source);
  field(out, "action", r.action);
  field(out, "target", r.target);
  field(out, "detail", r.detail);
  field(out, "insurer_no", r.insurer_no);
  field(out, "insured_no", r.insured_no);
  return out;
}

std::string row_hash(const AuditRow& r) { return sha256_hex(r.prev_hash + "\n" + canonical_content(r)); }

AuditRow seal(const AuditEvent& e, std::int64_t seq, std::string prev_hash) {
  AuditRow r;
  r.seq = seq;
  r.at = e.at;
  r.actor = clean(e.actor);
  r.source = clean(e.source);
  r.action = clean(e.action);
  r.target = clean(e.target);
  r.detail = e.detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (r.detail.size() > kMaxDetail) {
    r.detail = nlohmann::json{{"truncated", true}, {"bytes", r.detail.size()}}.dump();
  }
  r.insurer_no = clean(e.insurer_no);
  r.insured_no = clean(e.insured_no);
  r.prev_hash = std::move(prev_hash);
  r.hash = row_hash(r);
  return r;
}

AuditVerification verify_audit(AuditTrail& trail, std::optional<std::string> anchor) {
  AuditVerification v;
  std::string prev(kGenesisHash);
  bool anchor_seen = false;
  trail.scan({}, [&](const AuditRow& r) {
    const auto expected = v.rows + 1;
    if (r.seq != expected) {
      v.bad_seq = expected;
      v.problem = problem(
          "KA61", fmt::format("監査記録 {} 行目がありません（削除されています。次は {} 行目）", expected, r.seq),
          fmt::format("audit row {} is missing (deleted; the next row is {})", expected, r.seq));
      return false;
    }
    if (r.prev_hash != prev || row_hash(r) != r.hash) {
      v.bad_seq = r.seq;
      v.problem = problem("KA60", fmt::format("監査記録 {} 行目が改変されています（ハッシュが合いません）", r.seq),
                          fmt::format("audit row {} was altered (its hash does not match)", r.seq));
      return false;
    }
    if (anchor && r.hash == *anchor) anchor_seen = true;
    prev = r.hash;
    v.rows = r.seq;
    return true;
  });
  v.head_hash = prev;
  if (v.problem) return v;
  const auto head = trail.head();
  if (head.count != v.rows || head.last_hash != prev) {
    v.bad_seq = v.rows + 1;
    v.problem =
        head.count > v.rows
            ? problem("KA62",
                      fmt::format("監査記録 {} 行目以降がありません（記録は {} 行のはずです）", v.rows + 1, head.count),
                      fmt::format("audit rows from {} on are missing (the head says {} rows)", v.rows + 1, head.count))
            : problem(
                  "KA62", fmt::format("監査記録の先頭情報が記録と合いません（{} 行、先頭 {} 行）", v.rows, head.count),
                  fmt::format("the audit head does not match the rows ({} rows, head says {})", v.rows, head.count));
    return v;
  }
  if (anchor && !anchor_seen && *anchor != kGenesisHash) {
    v.problem = problem("KA63", fmt::format("控えのハッシュ {} がどの監査記録にもありません", *anchor),
                        fmt::format("the recorded hash {} is not the hash of any audit row", *anchor));
  }
  return v;
}

nlohmann::json to_json(const AuditRow& r) {
  auto detail = nlohmann::json::parse(r.detail, nullptr, false);
  if (detail.is_discarded()) detail = r.detail;
  return {{"seq", r.seq},       {"at", r.at.str()},           {"actor", r.actor},
          {"source", r.source}, {"action", r.action},         {"target", r.target},
          {"detail", detail},   {"insurer_no", r.insurer_no}, {"insured_no", r.insured_no},
          {"hash", r.hash}};
}

}  // namespace kaigo::auth
