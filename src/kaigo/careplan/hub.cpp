#include "kaigo/careplan/hub.hpp"

#include <algorithm>
#include <map>
#include <thread>
#include <future>
#include <deque>
#include <set>
#include <stdexcept>
#include <type_traits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kaigo/careplan/data_table.hpp"
#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/records.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/ledgers.hpp"

namespace kaigo::careplan {
namespace {

constexpr std::string_view kSendRule = "seed 001 §5: 送信先はファイル名から（careplan-and-platform.md A.3）";
constexpr std::string_view kAccessRule = "DESIGN §3.4: 他の事業所のものは見せない";
constexpr std::size_t kMaxAttachmentBytes = 32u << 20;

auth::Refusal refusal(std::string code, std::string_view rule, std::string ja, std::string en) {
  return {std::move(code), std::string(rule), std::move(ja), std::move(en)};
}

struct WithdrawalRule {
  std::string target;
  int key_item = 0;
};

// withdrawals.tsv: delete kind → the kinds it withdraws and the item each ties by.
const std::map<std::string, std::vector<WithdrawalRule>, std::less<>>& withdrawal_rules() {
  static const auto rules = [] {
    std::map<std::string, std::vector<WithdrawalRule>, std::less<>> out;
    for (const auto& r : embedded_table("withdrawals.tsv", {"delete", "target", "key_item", "source"})) {
      auto item = parse_int(r.cells[2]);
      if (!item || *item < 1) throw std::logic_error(fmt::format("withdrawals.tsv:{}: key_item が不正 / bad key_item", r.line));
      out[std::string(r.cells[0])].push_back({std::string(r.cells[1]), static_cast<int>(*item)});
    }
    return out;
  }();
  return rules;
}

bool is_delete(std::string_view kind) { return withdrawal_rules().count(kind) > 0; }

// The item of a record of `kind` that ties it to its parent, as withdrawals.tsv names it; a delete
// file's own key is its item 4 (削除対象年月 / 計画作成日 / 相談日). UPHOSOKU is tied to 第6表 by
// its 対象年月 (63) or, when that is 000000, to 第1表 by its 計画作成日 (4).
std::string key_of(std::string_view kind, const Record& r) {
  if (is_delete(kind)) return std::string(r.item(4));
  if (kind == "UPHOSOKU") {
    auto month = r.item(63);
    return std::string(month == "000000" || month.empty() ? r.item(4) : month);
  }
  for (const auto& [del, rules] : withdrawal_rules()) {
    for (const auto& w : rules) {
      if (w.target == kind) return std::string(r.item(w.key_item));
    }
  }
  return {};
}

bool is_pdf_name(std::string_view name) {
  return name.size() > 4 && (name.ends_with(".pdf") || name.ends_with(".PDF"));
}

// One file of a set, checked, with what it needs to be kept.
struct Prepared {
  ParcelFile file;
  std::string bytes;
  std::vector<FilePerson> persons;
};

// Refusals of the files' contents (CH15), answered after those of the names, licences and
// receivers: who may send comes first.
struct ContentRefusals {
  auth::Refusals refusals;
};

std::string first_error(const FileCheck& c) {
  for (const auto& row : c.rows) {
    if (row.severity == Severity::Error) {
      return fmt::format("{} 行{} {} [{}] {}", c.file, row.line, row.item_name, row.code, row.message_ja);
    }
  }
  return c.file;
}

std::string first_error_en(const FileCheck& c) {
  for (const auto& row : c.rows) {
    if (row.severity == Severity::Error) {
      return fmt::format("{} line {} {} [{}] {}", c.file, row.line, row.item_name, row.code, row.message_en);
    }
  }
  return c.file;
}

// Checks each file on its own: its name, its contents, and that the user may send it.
bool prepare_files(const auth::User& user, std::span<const Upload> uploads, SendResult& r, std::vector<Prepared>& out,
                   ContentRefusals& content) {
  int seq = 0;
  for (const auto& u : uploads) {
    Prepared p;
    p.file.seq = ++seq;
    p.file.name = base_name(u.name);
    p.file.sha256 = sha256_hex(u.bytes);
    p.file.size = static_cast<std::int64_t>(u.bytes.size());
    if (is_pdf_name(p.file.name)) {
      if (u.bytes.size() < 5 || u.bytes.compare(0, 5, "%PDF-") != 0 || u.bytes.size() > kMaxAttachmentBytes) {
        r.refusals.push_back(refusal("CH18", "seed 001 §5: 第3表等のPDFファイル",
                                     fmt::format("{} はPDFファイルではないか、32MBを超えています", p.file.name),
                                     fmt::format("{} is not a PDF file or is larger than 32 MB", p.file.name)));
        continue;
      }
      p.file.kind = std::string(kAttachmentKind);
      p.bytes = u.bytes;
      out.push_back(std::move(p));
      continue;
    }
    auto parsed = parse_file_name(p.file.name);
    if (!parsed.name) {
      r.refusals.push_back(refusal("CH11", "careplan-and-platform.md A.3: ファイル名規約",
                                   fmt::format("{}: ファイル名が標準仕様の規約に合いません（{}）", p.file.name, parsed.error.detail_ja),
                                   fmt::format("{}: the name does not follow the standard's rule ({})", p.file.name,
                                               parsed.error.detail_en)));
      continue;
    }
    const auto& name = *parsed.name;
    if (name.form == NameForm::V3) {
      r.refusals.push_back(refusal("CH12", "careplan-and-platform.md A.3: 202208 の名前は読むだけ",
                                   fmt::format("{}: サービス種類コードのない旧形式（CSVバージョン202208）の名前では送信できません", p.file.name),
                                   fmt::format("{}: names of the old form (202208) without service types cannot be sent", p.file.name)));
      continue;
    }
    if (!user.acts_for_office(name.sender.office_no)) {
      r.refusals.push_back(refusal("CH13", kSendRule,
                                   fmt::format("{}: 送信元 {} はこのユーザの事業所ではありません", p.file.name, name.sender.office_no),
                                   fmt::format("{}: the sender {} is not an office of this user", p.file.name, name.sender.office_no)));
      continue;
    }
    if (name.sender.office_no == name.receiver.office_no) {
      r.refusals.push_back(refusal("CH17", "ヘルプデスクFAQ: 同じ事業所番号の間では送受信できません",
                                   fmt::format("{}: 送信元と送信先が同じ事業所番号 {} です", p.file.name, name.sender.office_no),
                                   fmt::format("{}: sender and receiver are the same office {}", p.file.name, name.sender.office_no)));
      continue;
    }
    p.file.kind = name.kind->prefix;
    p.file.month = name.zero_month ? "000000" : name.month ? name.month->str() : std::string();
    p.file.sender = name.sender;
    p.file.receiver = name.receiver;
    std::set<FilePerson> persons;
    CheckOptions options;
    options.on_record = [&](const Record& rec, bool) {
      persons.insert({std::string(rec.item(2)), std::string(rec.item(3)), key_of(p.file.kind, rec)});
    };
    auto check = check_bytes(p.file.name, u.bytes, options);
    if (!check.ok()) {
      content.refusals.push_back(refusal("CH15", "標準仕様 v4.1（kaigo careplan check）",
                                   fmt::format("{} に {} 件のエラーがあります: {}", p.file.name, check.error_count, first_error(check)),
                                   fmt::format("{} has {} errors: {}", p.file.name, check.error_count, first_error_en(check))));
    }
    r.checks.push_back(std::move(check));
    p.persons.assign(persons.begin(), persons.end());
    p.file.persons = static_cast<int>(p.persons.size());
    p.bytes = u.bytes;
    out.push_back(std::move(p));
  }
  return r.refusals.empty();
}

// The one office a set is from: every CSV file's 送信元 (attachments alone have no receiver).
std::optional<std::string> sender_of(const std::vector<Prepared>& files, SendResult& r) {
  std::set<std::string> senders;
  for (const auto& f : files) {
    if (!f.file.attachment()) senders.insert(f.file.sender.office_no);
  }
  if (senders.size() > 1) {
    r.refusals.push_back(refusal("CH14", kSendRule, fmt::format("1回の送信に送信元が {} つあります（{}）", senders.size(), fmt::join(senders, ", ")),
                                 fmt::format("one set has {} senders ({})", senders.size(), fmt::join(senders, ", "))));
    return std::nullopt;
  }
  if (senders.empty()) {
    r.refusals.push_back(refusal("CH16", kSendRule, "送信先を決めるCSVファイルがありません（PDFだけでは送れません）",
                                 "no CSV file names a receiver (attachments alone cannot be sent)"));
    return std::nullopt;
  }
  return *senders.begin();
}

// The month a receiver must be registered in: the name's month, else the day of sending.
YearMonth ledger_month(const ParcelFile& f, const LocalDateTime& at) {
  if (auto m = YearMonth::parse(f.month); m && f.month != "000000") return *m;
  return at.date.year_month();
}

void check_licence(Hub& hub, std::string_view office, std::string_view role_ja, std::string_view role_en, Date day,
                   auth::Refusals& out) {
  auto licences = hub.repo.licences_of(office);
  if (auto refused = licence_refusal(licences, office, day)) {
    refused->message_ja = fmt::format("{}: {}", role_ja, refused->message_ja);
    refused->message_en = fmt::format("{}: {}", role_en, refused->message_en);
    out.push_back(std::move(*refused));
  }
}

// The receivers of the set, each in the 事業所台帳 with its service type and licensed.
std::vector<std::string> check_receivers(Hub& hub, const std::vector<Prepared>& files, const LocalDateTime& at,
                                         auth::Refusals& out) {
  std::set<std::string> receivers;
  std::set<Endpoint> seen;
  for (const auto& f : files) {
    if (f.file.attachment() || !seen.insert(f.file.receiver).second) continue;
    const auto& to = f.file.receiver;
    const auto month = ledger_month(f.file, at);
    if (!hub.offices.find(to.office_no, to.service_type, month)) {
      out.push_back(refusal("CH20", kSendRule,
                            fmt::format("{}: 送信先 {}（サービス種類 {}）は {} の事業所台帳に登録されていません", f.file.name,
                                        to.office_no, to.service_type, month.str()),
                            fmt::format("{}: the receiver {} (service type {}) is not in the office ledger for {}", f.file.name,
                                        to.office_no, to.service_type, month.str())));
      continue;
    }
    receivers.insert(to.office_no);
  }
  for (const auto& office : receivers) {
    check_licence(hub, office, fmt::format("送信先 {}", office), fmt::format("receiver {}", office), at.date, out);
  }
  return {receivers.begin(), receivers.end()};
}

// DLT files of a sent set withdraw what the same sender sent the same receiver.
int apply_withdrawals(Hub& hub, const std::vector<Prepared>& files, const std::vector<std::int64_t>& ids,
                      const LocalDateTime& at) {
  int withdrawn = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i].file;
    auto it = withdrawal_rules().find(f.kind);
    if (it == withdrawal_rules().end()) continue;
    for (const auto& rule : it->second) {
      WithdrawRequest w;
      w.by_file = ids[i];
      w.sender_office = f.sender.office_no;
      w.receiver_office = f.receiver.office_no;
      w.kinds = {rule.target};
      w.persons = files[i].persons;
      w.at = at;
      withdrawn += hub.repo.withdraw(w);
    }
  }
  return withdrawn;
}

// The associated data a file is sealed with (not a key anything is found by): the bytes stay bound
// to their hash and name. Kept files were sealed with this writing, so it never changes.
std::string seal_context(const ParcelFile& f) { return f.sha256 + "|" + f.name; }

std::vector<std::string> receivers_of(const std::vector<Prepared>& files) {
  std::set<std::string> out;
  for (const auto& f : files) {
    if (!f.file.attachment()) out.insert(f.file.receiver.office_no);
  }
  return {out.begin(), out.end()};
}

SendResult keep(Hub& hub, const auth::User& user, std::vector<Prepared>& files, std::string_view message, bool draft,
                const LocalDateTime& at, std::optional<std::int64_t> draft_id, SendResult r, const ContentRefusals& content) {
  auto sender = sender_of(files, r);
  if (!sender) return r;
  check_licence(hub, *sender, fmt::format("送信元 {}", *sender), fmt::format("sender {}", *sender), at.date, r.refusals);
  std::vector<std::string> receivers;
  if (!draft) receivers = check_receivers(hub, files, at, r.refusals);
  r.refusals.insert(r.refusals.end(), content.refusals.begin(), content.refusals.end());
  if (!r.refusals.empty()) return r;
  std::int64_t parcel_id = draft_id.value_or(0);
  hub.repo.atomically([&] {
    std::vector<std::int64_t> ids;
    if (!draft_id) {
      Parcel p;
      p.state = ParcelState::Draft;
      p.sender_office = *sender;
      p.sender_user = user.id;
      p.message = std::string(message);
      p.created_at = at;
      parcel_id = hub.repo.add_parcel(p);
      for (auto& f : files) {
        f.file.id = hub.repo.add_file(parcel_id, f.file, hub.key.seal(f.bytes, seal_context(f.file)), f.persons);
      }
    }
    for (const auto& f : files) ids.push_back(f.file.id);
    if (!draft) {
      hub.repo.mark_sent(parcel_id, at, receivers_of(files));
      r.withdrawn = apply_withdrawals(hub, files, ids, at);
    }
  });
  r.parcel = hub.repo.parcel(parcel_id);
  return r;
}

// The bytes of a kept file, opened and checked against its hash.
// A file of a parcel whose sealed bytes the retention period has removed.
auth::Refusal removed_after_retention(const ParcelFile& f) {
  return refusal("CH41", "[careplan] retention_days", fmt::format("{} は保存期間を過ぎて削除されました", f.name),
                 fmt::format("{} was removed after the retention period", f.name));
}

std::optional<std::string> open_file(const Hub& hub, const ParcelFile& f, std::string_view sealed) {
  auto plain = hub.key.open(sealed, seal_context(f));
  if (!plain || sha256_hex(*plain) != f.sha256) return std::nullopt;
  return plain;
}

}  // namespace

std::string_view parcel_state_name(ParcelState s) { return s == ParcelState::Draft ? "draft" : "sent"; }

std::vector<ParcelFile> Parcel::files_for(std::string_view office) const {
  std::vector<ParcelFile> out;
  for (const auto& f : files) {
    if (f.attachment() || f.receiver.office_no == office) out.push_back(f);
  }
  return out;
}

const Receipt* Parcel::receipt_of(std::string_view office) const {
  for (const auto& r : receipts) {
    if (r.office_no == office) return &r;
  }
  return nullptr;
}

SendResult send(Hub& hub, const auth::User& user, std::span<const Upload> files, std::string_view message, bool draft,
                const LocalDateTime& at) {
  SendResult r;
  if (user.role != auth::Role::Office) {
    r.refusals.push_back(refusal("CH13", kSendRule, "送信できるのは事業所のアカウントだけです", "only office accounts send care-plan files"));
    return r;
  }
  if (files.empty()) {
    r.refusals.push_back(refusal("CH10", kSendRule, "送信するファイルがありません", "no files to send"));
    return r;
  }
  std::vector<Prepared> prepared;
  ContentRefusals content;
  if (!prepare_files(user, files, r, prepared, content)) return r;
  return keep(hub, user, prepared, message, draft, at, std::nullopt, std::move(r), content);
}

SendResult send_draft(Hub& hub, const auth::User& user, std::int64_t draft_id, const LocalDateTime& at) {
  SendResult r;
  auto p = hub.repo.parcel(draft_id);
  if (!p || p->state != ParcelState::Draft || !user.acts_for_office(p->sender_office)) {
    r.refusals.push_back(refusal("CH40", kAccessRule, fmt::format("一時保存 {} はこのユーザのものではありません", draft_id),
                                 fmt::format("draft {} is not this user's", draft_id)));
    return r;
  }
  std::vector<Prepared> files;
  for (const auto& f : p->files) {
    auto sealed = hub.repo.sealed(f.id);
    auto plain = sealed ? open_file(hub, f, *sealed) : std::nullopt;
    if (!plain) {
      r.refusals.push_back(removed_after_retention(f));
      return r;
    }
    files.push_back({f, std::move(*plain), {}});
  }
  // Checked again as it is now: the names and contents (persons) and the user's rights.
  std::vector<Upload> uploads;
  for (const auto& f : files) uploads.push_back({f.file.name, f.bytes});
  std::vector<Prepared> again;
  ContentRefusals content;
  if (!prepare_files(user, uploads, r, again, content)) return r;
  for (std::size_t i = 0; i < again.size(); ++i) again[i].file.id = files[i].file.id;
  return keep(hub, user, again, p->message, false, at, draft_id, std::move(r), content);
}

std::vector<InboxEntry> inbox(Hub& hub, const auth::User& user) {
  std::vector<InboxEntry> out;
  if (user.role != auth::Role::Office) return out;
  for (auto& p : hub.repo.parcels_to(user.offices)) {
    for (const auto& rc : p.receipts) {
      if (!user.acts_for_office(rc.office_no)) continue;
      InboxEntry e{p, rc.office_no};
      e.parcel.files = p.files_for(rc.office_no);
      e.parcel.receipts = {rc};
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<Parcel> outbox(Hub& hub, const auth::User& user) {
  if (user.role != auth::Role::Office) return {};
  return hub.repo.parcels_from(user.offices);
}

FetchResult fetch(Hub& hub, const auth::User& user, std::int64_t parcel_id, std::string_view office,
                  const LocalDateTime& at) {
  FetchResult r;
  auto not_yours = [&] {
    r.refusals.push_back(refusal("CH40", kAccessRule, fmt::format("受信 {} はこのユーザの事業所宛てではありません", parcel_id),
                                 fmt::format("set {} is not addressed to this user's offices", parcel_id)));
    return r;
  };
  if (user.role != auth::Role::Office) return not_yours();
  auto p = hub.repo.parcel(parcel_id);
  if (!p || p->state != ParcelState::Sent) return not_yours();
  const Receipt* mine = nullptr;
  for (const auto& rc : p->receipts) {
    if (user.acts_for_office(rc.office_no) && (office.empty() || rc.office_no == office)) {
      if (mine) {
        r.refusals.push_back(refusal("CH42", kAccessRule, "複数の事業所宛てです。受信する事業所を指定してください",
                                     "addressed to several of the user's offices: name the office that receives"));
        return r;
      }
      mine = &rc;
    }
  }
  if (!mine) return not_yours();
  const std::string to = mine->office_no;
  for (const auto& f : p->files_for(to)) {
    if (f.withdrawn()) continue;  // 取下げ済: the DLT file of the same sender says so
    auto sealed = hub.repo.sealed(f.id);
    auto plain = sealed ? open_file(hub, f, *sealed) : std::nullopt;
    if (!sealed) {
      r.refusals.push_back(removed_after_retention(f));
      return r;
    }
    if (!plain) {
      throw std::runtime_error(fmt::format("{} を復号できないか、SHA-256 が一致しません（鍵ファイルを確認してください） / {} "
                                           "does not open or its SHA-256 differs (check the key file)",
                                           f.name, f.name));
    }
    r.files.push_back({f.name, std::move(*plain)});
  }
  if (!mine->received_at) hub.repo.mark_received(parcel_id, to, at, user.id);
  p = hub.repo.parcel(parcel_id);
  InboxEntry e{*p, to};
  e.parcel.files = p->files_for(to);
  e.parcel.receipts = {*p->receipt_of(to)};
  r.entry = std::move(e);
  return r;
}

std::vector<std::int64_t> purge_expired(Hub& hub, const LocalDateTime& at) {
  const auto cutoff = at.plus_seconds(-static_cast<std::int64_t>(hub.settings.careplan.retention_days) * 86400);
  return hub.repo.purge_before(cutoff, at);
}

namespace {

// One kept file opened and read: its sheets folded, without the persons a DLT withdrew.
struct OpenedFile {
  KeptFile kept;  // without its sealed bytes
  std::vector<UsageSheet> sheets;
  std::optional<FileCheck> problem;  // it no longer opens, or no longer reads cleanly
};

OpenedFile open_and_read(const Hub& hub, KeptFile kept) {
  OpenedFile out;
  auto plain = open_file(hub, kept.file, kept.sealed);
  kept.sealed = {};
  if (!plain) {
    FileCheck c;
    c.file = kept.file.name;
    c.error_count = 1;
    out.problem = std::move(c);
  } else {
    auto read = read_usage_sheets(kept.file.name, *plain);
    if (!read.check.ok()) out.problem = std::move(read.check);
    std::set<PersonId> gone;
    for (const auto& w : kept.withdrawn) gone.insert({w.insurer_no, w.insured_no});
    for (auto& sheet : read.values) {
      if (!gone.count(sheet.person)) out.sheets.push_back(std::move(sheet).folded());
    }
  }
  out.kept = std::move(kept);
  return out;
}

// The sheets of every kept file of a kind, the latest per `key_of` (later files replace earlier
// ones, spec §5.1.1), without the persons a DLT withdrew, folded to their units; files that no
// longer open or read cleanly go to `problems`. Opening and reading a file (decryption, CP932,
// the check) is most of the work and each file's alone, so files are read on every core, a few
// ahead of the one being applied, and applied strictly in the order they were sent.
template <class KeyOf>
std::vector<UsageSheet> latest_sheets(const Hub& hub, std::string_view kind, YearMonth month,
                                      std::vector<FileCheck>& problems, KeyOf key_of) {
  std::map<std::invoke_result_t<KeyOf, const KeptFile&, const UsageSheet&>, UsageSheet> latest;
  auto apply = [&](OpenedFile opened) {
    if (opened.problem) problems.push_back(std::move(*opened.problem));
    for (auto& sheet : opened.sheets) {
      auto key = key_of(opened.kept, sheet);  // before the sheet is moved out
      latest.insert_or_assign(std::move(key), std::move(sheet));
    }
  };
  const std::size_t ahead = 2 * std::max(1u, std::thread::hardware_concurrency());
  std::deque<std::future<OpenedFile>> reading;
  hub.repo.for_each_kept_file(kind, month, [&](KeptFile&& kept) {
    reading.push_back(std::async(std::launch::async, open_and_read, std::cref(hub), std::move(kept)));
    if (reading.size() > ahead) {
      apply(reading.front().get());
      reading.pop_front();
    }
  });
  for (; !reading.empty(); reading.pop_front()) apply(reading.front().get());
  std::vector<UsageSheet> out;
  out.reserve(latest.size());
  for (auto& [k, s] : latest) out.push_back(std::move(s));
  return out;
}

}  // namespace

MonthSheets month_sheets(Hub& hub, YearMonth service_month) {
  MonthSheets out;
  out.plans = latest_sheets(hub, "UPPLAN", service_month, out.problems,
                            [](const KeptFile&, const UsageSheet& s) { return s.person; });
  out.actuals = latest_sheets(hub, "UPJSK", service_month, out.problems, [](const KeptFile& k, const UsageSheet& s) {
    return std::pair<PersonId, std::string>{s.person, k.file.sender.office_no};
  });
  return out;
}

}  // namespace kaigo::careplan
