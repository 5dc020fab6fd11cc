#include "kaigo/platform/apply.hpp"

#include <fmt/format.h>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/platform/linkage.hpp"
#include "kaigo/platform/pmh.hpp"

namespace kaigo::platform {
namespace {

bool same_content(const LatestVersion& v, const Record& r) {
  return v.update != UpdateKind::Delete && v.effective_on == r.effective_on && v.data == r.data;
}

// A person row: the PMH outcome of its My Number, kept as the registration's link. Returns the
// PMH error to report, if any.
std::optional<LinkageError> store_link(Repository& repo, const LinkageRow& row, const LocalDateTime& at) {
  if (row.update == UpdateKind::Delete) {
    repo.set_link(row.person, {}, at);
    return std::nullopt;
  }
  const auto number = row.values[row.kind->column("my_number")];
  const auto insurance = row.values[row.kind->column("medical_insurance")];
  const auto outcome = platform::link_person(number, insurance, repo.key_salt());
  repo.set_link(row.person, {outcome.key, outcome.error_code}, at);
  if (outcome.linked()) return std::nullopt;
  auto e = linkage_error(outcome.error_code, row.line);
  const bool no_number = outcome.error_code == "PL41";
  const auto& c = row.kind->columns[row.kind->column(no_number ? "my_number" : "medical_insurance")];
  e.column = static_cast<int>(7 + row.kind->column(c.name));
  e.item = c.name;
  e.item_ja = c.ja;
  if (!no_number) e.value = std::string(insurance);
  e.stored = true;
  return e;
}

// The stored form of a person row also says whether it is linked, so that a row that now links
// (a 更新 with the My Number, seed 004 §7 ⑤ ⑥) is a new version and not "unchanged".
std::string person_data(const LinkageRow& row, std::string_view salt) {
  auto data = nlohmann::json::parse(record_data(row));
  const auto outcome = platform::link_person(row.values[row.kind->column("my_number")],
                                   row.values[row.kind->column("medical_insurance")], salt);
  data["pmh"] = outcome.linked() ? std::string("linked") : outcome.error_code;
  return data.dump();
}

struct FileRefused {};

class Applier {
 public:
  Applier(Repository& repo, const LinkageOptions& o, LinkageAnswer& a) : repo_(repo), o_(o), a_(a) {}

  void row(const LinkageRow& row) {
    if (!o_.insurer_no.empty() && row.person.insurer_no != o_.insurer_no) {
      auto e = linkage_error("PL18", row.line, fmt::format("ファイルの保険者 {}", o_.insurer_no),
                             fmt::format("the file's insurer is {}", o_.insurer_no));
      e.column = 2;
      e.item = "insurer_no";
      e.item_ja = "保険者番号";
      e.value = row.person.insurer_no;
      refuse(e, row);
      return;
    }
    Record r;
    r.person = row.person;
    r.kind = row.kind->name;
    r.record_id = row.record_id;
    r.update = row.update;
    r.effective_on = row.effective_on;
    r.source = fmt::format("linkage:{}", a_.file_id);
    r.recorded_at = o_.at;
    const bool is_person = row.kind->name == "person";
    if (row.update == UpdateKind::Delete) {
      // A 削除 keeps what the record said, so that its history reads whole.
      if (auto latest = repo_.latest(row.person, r.kind, r.record_id)) r.data = latest->data;
    } else {
      r.data = is_person ? person_data(row, repo_.key_salt()) : record_data(row);
    }
    const auto outcome = put_version(repo_, r);
    switch (outcome) {
      case PutOutcome::Inserted: ++a_.inserted; break;
      case PutOutcome::Updated: ++a_.updated; break;
      case PutOutcome::Deleted: ++a_.deleted; break;
      case PutOutcome::Unchanged: ++a_.unchanged; break;
      case PutOutcome::Exists: refuse(linkage_error("PL20", row.line), row); return;
      case PutOutcome::Missing: refuse(linkage_error("PL21", row.line), row); return;
    }
    if (is_person) {
      if (auto e = store_link(repo_, row, o_.at)) {
        ++a_.pmh_errors;
        keep(*e, row);
      }
    }
  }

  void refuse(LinkageError e, const LinkageRow& row) {
    ++a_.refused;
    keep(std::move(e), row);
  }

  void keep(LinkageError e, const LinkageRow& row) {
    e.person = row.person;
    e.kind = row.kind ? row.kind->name : e.kind;
    e.record_id = row.record_id;
    keep(std::move(e));
  }

  void keep(LinkageError e) {
    ++a_.error_count;
    if (a_.errors.size() < kMaxErrorsKept) a_.errors.push_back(std::move(e));
  }

 private:
  Repository& repo_;
  const LinkageOptions& o_;
  LinkageAnswer& a_;
};

// What the answer and its audit row both say of a file.
nlohmann::json counts_of(const LinkageAnswer& a) {
  return {{"file_id", a.file_id},   {"sha256", a.sha256},       {"status_code", enum_code(a.status)},
          {"rows", a.rows},         {"inserted", a.inserted},   {"updated", a.updated},
          {"deleted", a.deleted},   {"unchanged", a.unchanged}, {"refused", a.refused},
          {"pmh_errors", a.pmh_errors}, {"error_count", a.error_count}};
}

auth::AuditEvent load_event(const LinkageOptions& o, const LinkageAnswer& a) {
  auto e = auth::event_of(o.by, auth::AuditAction::PlatformLoad, o.file_name, counts_of(a));
  e.insurer_no = o.insurer_no;
  return e;
}

}  // namespace

PutOutcome put_version(Repository& repo, Record r) {
  const auto latest = repo.latest(r.person, r.kind, r.record_id);
  const bool live = latest && latest->update != UpdateKind::Delete;
  switch (r.update) {
    case UpdateKind::New:
      if (live) return same_content(*latest, r) ? PutOutcome::Unchanged : PutOutcome::Exists;
      break;
    case UpdateKind::Update:
      if (!live) return PutOutcome::Missing;
      if (same_content(*latest, r)) return PutOutcome::Unchanged;
      break;
    case UpdateKind::Delete:
      if (!latest) return PutOutcome::Missing;
      if (!live) return PutOutcome::Unchanged;
      break;
  }
  r.version = latest ? latest->version + 1 : 1;
  repo.add_version(r);
  if (r.update == UpdateKind::Delete) return PutOutcome::Deleted;
  return r.update == UpdateKind::New ? PutOutcome::Inserted : PutOutcome::Updated;
}

LinkageAnswer apply_linkage(Repository& repo, auth::AuditTrail& audit, std::string_view bytes, const LinkageOptions& o) {
  const auto sha = sha256_hex(bytes);
  auto fresh = [&] {
    LinkageAnswer a;
    a.file_name = o.file_name;
    a.sha256 = sha;
    return a;
  };
  LinkageAnswer a = fresh();
  std::optional<LinkageError> refusal;
  try {
    repo.atomically([&] {
      a = fresh();
      a.file_id = repo.add_linkage_file({0, o.file_name, sha, o.at, o.by.who, o.insurer_no, "{}"});
      LinkageReader reader(bytes);
      Applier applier(repo, o, a);
      LinkageRow row;
      std::vector<LinkageError> errors;
      while (reader.next(row, errors)) {
        ++a.rows;
        if (errors.empty()) {
          applier.row(row);
        } else {
          ++a.refused;
          for (auto& e : errors) applier.keep(std::move(e));
        }
      }
      if (reader.file_error()) {
        refusal = *reader.file_error();
        throw FileRefused{};  // nothing of the file is applied: the rows go with the transaction
      }
      a.status = a.error_count > 0 ? FileStatus::DoneWithErrors : FileStatus::Done;
      repo.set_linkage_answer(a.file_id, to_json(a).dump());
      audit.append(load_event(o, a));
    });
  } catch (const FileRefused&) {
    a = fresh();
    a.status = FileStatus::Refused;
    a.error_count = 1;
    a.errors.push_back(*refusal);
    repo.atomically([&] {
      a.file_id = repo.add_linkage_file({0, o.file_name, sha, o.at, o.by.who, o.insurer_no, "{}"});
      repo.set_linkage_answer(a.file_id, to_json(a).dump());
      audit.append(load_event(o, a));
    });
  }
  return a;
}

nlohmann::json to_json(const LinkageError& e) {
  nlohmann::json j{{"line", e.line},         {"code", e.code},           {"message_ja", e.message_ja},
                   {"message_en", e.message_en}, {"help_ja", e.help_ja}, {"help_en", e.help_en}};
  if (e.column > 0) {
    j["column"] = e.column;
    j["item"] = e.item;
    j["item_ja"] = e.item_ja;
    j["value"] = e.value;
  }
  if (!e.person.insurer_no.empty() || !e.person.insured_no.empty()) {
    j["insurer_no"] = e.person.insurer_no;
    j["insured_no"] = e.person.insured_no;
  }
  if (!e.kind.empty()) j["kind"] = e.kind;
  if (!e.record_id.empty()) j["record_id"] = e.record_id;
  j["stored"] = e.stored;
  return j;
}

nlohmann::json to_json(const LinkageAnswer& a) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : a.errors) errors.push_back(to_json(e));
  auto j = counts_of(a);
  j["file"] = a.file_name;
  j["status"] = enum_ja(a.status);
  j["errors"] = errors;
  return j;
}

}  // namespace kaigo::platform
