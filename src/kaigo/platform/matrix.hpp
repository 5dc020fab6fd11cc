// platform/matrix — who may see what, as seed 004 §3 draws it, as data: access_matrix.tsv (kind ×
// viewer × job → the cell: ○, blank, or ○ for some jobs only; its note ※1–※4; what it rests on —
// the person's own, the municipality's own people, the office's 本人確認 and continued service,
// the institution's 主治医意見書作成依頼 (with the 30 days of ※1/※3); whether it is a hatched cell
// that needs 包括同意; the day a dated cell opens (申請書 for offices from 令和8年度下期); the day a
// cell opens before the municipality's go-live (the person's 被保険者証 on マイナポータル from
// 2026-04-01)), notes.tsv (※1–※4 with their windows), office_classes.tsv (which service types
// make an office a 居宅介護支援事業所 or a 老健・介護医療院), rules.tsv (every rule's words).
// Owns: the tables and their lookups. Must not: gather facts or decide (access does).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/platform/kinds.hpp"

namespace kaigo::platform {

// The columns of the seed 004 §3 table.
enum class Viewer : std::uint8_t {
  Person,         // 利用者
  Municipality,   // 市区町村
  SupportOffice,  // 居宅介護支援事業所
  Facility,       // 介護事業所: 介護老人保健施設・介護医療院
  Office,         // 介護事業所: その他
  Medical,        // 医療機関
};
inline constexpr EnumTable<Viewer, 6> kViewers{{{
#include "kaigo/platform/platform_viewer.enum.inc"
}}};
constexpr const auto& enum_table(Viewer) { return kViewers; }

// What a cell rests on.
enum class Basis : std::uint8_t {
  None,           // a blank cell
  Own,            // the person's own information
  Insurer,        // the municipality's own insured people
  Identity,       // an office: 本人確認 and continued service (claims)
  Request,        // a 医療機関: it was sent a 主治医意見書作成依頼 for the person
  RequestWindow,  // ※1 / ※3: … and only within the note's days from the 申請書提出日
};
inline constexpr EnumTable<Basis, 6> kBases{{{
#include "kaigo/platform/basis.enum.inc"
}}};
constexpr const auto& enum_table(Basis) { return kBases; }

enum class Cell : std::uint8_t { Yes, Blank, OtherJobs };

struct MatrixRow {
  ViewKind kind = ViewKind::Card;
  Viewer viewer = Viewer::Person;
  std::vector<auth::Job> jobs;  // empty = any job
  Cell cell = Cell::Blank;
  std::string note;  // "※1" … or ""
  Basis basis = Basis::None;
  bool consent = false;                // a hatched cell: only with 包括同意
  std::optional<Date> from;            // a dated cell opens on this day
  std::optional<Date> before_golive;   // visible before the municipality's go-live, from this day
  std::string source;
};

// The first row for (kind, viewer) whose jobs include `job` (rows are ordered specific first).
const MatrixRow& matrix_cell(ViewKind kind, Viewer viewer, auth::Job job);
const std::vector<MatrixRow>& matrix();

struct Note {
  std::string note;
  std::optional<int> window_days;
  std::string ja, en, source;
};
const Note* find_note(std::string_view note);

// The column an office falls in by the service types it is registered for (office_classes.tsv):
// the first class listed among `service_types`, else Office.
Viewer office_viewer(const std::vector<std::string>& service_types);
// The service types that decide an office's column (to look up in the office ledger).
const std::vector<std::string>& classifying_service_types();

struct Rule {
  std::string id;
  bool allowed = false;
  std::string ja, en, source;
};
// The rule of `id`; throws std::logic_error when rules.tsv has none (a defect).
const Rule& rule(std::string_view id);
const std::vector<Rule>& rules();

}  // namespace kaigo::platform
