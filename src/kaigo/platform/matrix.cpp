#include "kaigo/platform/matrix.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/platform/data_table.hpp"

namespace kaigo::platform {
namespace {

std::optional<Date> date_cell(const detail::TsvRow& r, std::size_t i) {
  if (detail::is_none(r.cells[i])) return std::nullopt;
  auto d = Date::parse(r.cells[i]);
  if (!d) r.fail("bad date");
  return d;
}

Basis basis_of(const detail::TsvRow& r) {
  const auto s = r.cells[5];
  if (auto b = parse_enum<Basis>(s)) return *b;
  r.fail("unknown basis");
}

std::vector<MatrixRow> load_matrix() {
  std::vector<MatrixRow> out;
  for (const auto& r : detail::read_table("access_matrix.tsv", {"kind", "viewer", "jobs", "cell", "note", "basis", "consent",
                                                                "from", "before_golive", "source"})) {
    MatrixRow m;
    auto kind = parse_enum<ViewKind>(r.cells[0]);
    auto viewer = parse_enum<Viewer>(r.cells[1]);
    if (!kind || !viewer) r.fail("unknown kind or viewer");
    m.kind = *kind;
    m.viewer = *viewer;
    if (r.cells[2] != "*") {
      for (auto j : split(r.cells[2], ',')) {
        auto job = parse_enum<auth::Job>(j);
        if (!job) r.fail("unknown job");
        m.jobs.push_back(*job);
      }
    }
    if (r.cells[3] == "yes") {
      m.cell = Cell::Yes;
    } else if (r.cells[3] == "job") {
      m.cell = Cell::OtherJobs;
    } else if (r.cells[3] != "blank") {
      r.fail("cell is yes, blank or job");
    }
    m.note = detail::is_none(r.cells[4]) ? "" : std::string(r.cells[4]);
    m.basis = basis_of(r);
    m.consent = r.cells[6] == "yes";
    m.from = date_cell(r, 7);
    m.before_golive = date_cell(r, 8);
    m.source = r.cells[9];
    if (m.cell == Cell::Yes && m.basis == Basis::None) r.fail("a ○ cell needs a basis");
    out.push_back(std::move(m));
  }
  // Every kind × viewer has a row for any job (the last of its group).
  for (auto kind : kViewKinds) {
    for (const auto& v : kViewers.rows) {
      bool any = false;
      for (const auto& m : out) any = any || (m.kind == kind && m.viewer == v.value && m.jobs.empty());
      if (!any)
        embedded::fail_table("src/kaigo/platform/access_matrix.tsv", 0,
                             fmt::format("no row for {} × {}", enum_code(kind), v.code));
    }
  }
  return out;
}

std::vector<Note> load_notes() {
  std::vector<Note> out;
  for (const auto& r : detail::read_table("notes.tsv", {"note", "window_days", "ja", "en", "source"})) {
    Note n{std::string(r.cells[0]), std::nullopt, std::string(r.cells[2]), std::string(r.cells[3]), std::string(r.cells[4])};
    if (!detail::is_none(r.cells[1])) {
      auto d = parse_int(r.cells[1]);
      if (!d) r.fail("window_days");
      n.window_days = static_cast<int>(*d);
    }
    out.push_back(std::move(n));
  }
  return out;
}

struct OfficeClass {
  std::string service_type;
  Viewer viewer;
};

const std::vector<OfficeClass>& office_classes() {
  static const std::vector<OfficeClass> all = [] {
    std::vector<OfficeClass> out;
    for (const auto& r : detail::read_table("office_classes.tsv", {"service_type", "viewer", "ja", "source"})) {
      auto v = parse_enum<Viewer>(r.cells[1]);
      if (!v) r.fail("unknown viewer");
      out.push_back({std::string(r.cells[0]), *v});
    }
    return out;
  }();
  return all;
}

std::vector<Rule> load_rules() {
  std::vector<Rule> out;
  for (const auto& r : detail::read_table("rules.tsv", {"rule", "allowed", "ja", "en", "source"})) {
    out.push_back({std::string(r.cells[0]), r.cells[1] == "yes", std::string(r.cells[2]), std::string(r.cells[3]),
                   std::string(r.cells[4])});
  }
  return out;
}

}  // namespace

const std::vector<MatrixRow>& matrix() {
  static const std::vector<MatrixRow> all = load_matrix();
  return all;
}

const MatrixRow& matrix_cell(ViewKind kind, Viewer viewer, auth::Job job) {
  for (const auto& m : matrix()) {
    if (m.kind != kind || m.viewer != viewer) continue;
    if (m.jobs.empty() || std::find(m.jobs.begin(), m.jobs.end(), job) != m.jobs.end()) return m;
  }
  throw std::logic_error("access_matrix.tsv has no row for a kind and viewer");  // load_matrix checked
}

const Note* find_note(std::string_view note) {
  static const std::vector<Note> all = load_notes();
  for (const auto& n : all) {
    if (n.note == note) return &n;
  }
  return nullptr;
}

Viewer office_viewer(const std::vector<std::string>& service_types) {
  for (const auto& c : office_classes()) {
    if (std::find(service_types.begin(), service_types.end(), c.service_type) != service_types.end()) return c.viewer;
  }
  return Viewer::Office;
}

const std::vector<std::string>& classifying_service_types() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    for (const auto& c : office_classes()) out.push_back(c.service_type);
    return out;
  }();
  return all;
}

const std::vector<Rule>& rules() {
  static const std::vector<Rule> all = load_rules();
  return all;
}

const Rule& rule(std::string_view id) {
  for (const auto& r : rules()) {
    if (r.id == id) return r;
  }
  throw std::logic_error(fmt::format("rule {} is not in rules.tsv", id));
}

}  // namespace kaigo::platform
