#include "kaigo/store/tables.hpp"

#include <fmt/format.h>

#include "kaigo/core/sha256.hpp"
#include "kaigo/settlement/fees.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {
namespace {

bool has_errors(const Diagnostics& d) {
  for (const auto& x : d) {
    if (x.severity == Severity::Error) return true;
  }
  return false;
}

[[noreturn]] void stored_table_broken(const LoadedTable& t, const Diagnostics& d) {
  std::string first = d.empty() ? std::string() : d.front().to_string();
  throw StoreError(fmt::format("保存済みの {} ({}) を読み込めません / the stored {} ({}) no longer loads: {}",
                               enum_code(t.kind), t.file_name, enum_code(t.kind), t.file_name, first));
}

// Each municipality's 総合事業 codes from the newest load that lists it.
master::SougouMaster sougou_in_force(Database& db, const master::ServiceTypeMaster& types) {
  std::vector<master::SougouMaster> loads;
  for (const auto& t : db.tables(TableKind::Sougou)) {
    auto result = master::load_sougou_master(t.text, t.file_name, &types);
    if (!result.ok()) stored_table_broken(t, result.diagnostics);
    loads.push_back(std::move(*result.table));
  }
  if (loads.size() == 1) return std::move(loads.front());
  std::vector<const master::SougouMaster*> newest_first;
  for (const auto& m : loads) newest_first.push_back(&m);
  return master::SougouMaster::per_insurer(newest_first);
}

master::LoadResult<master::Masters> masters_of(Database& db) {
  std::map<std::string, master::TextSource, std::less<>> overrides;
  if (auto services = db.latest_table(TableKind::Services)) {
    overrides.emplace(std::string(master::files::kServiceCodes),
                      master::TextSource{services->text, services->file_name});
  }
  auto masters = master::load_masters_with(overrides);
  if (masters.ok()) masters.table->sougou = sougou_in_force(db, masters.table->service_types);
  return masters;
}

// Parses `text` as `kind`; returns the number of versions, or nullopt with the diagnostics.
std::optional<std::int64_t> validate(const master::Masters& m, TableKind kind, std::string_view text,
                                     const std::string& name, Diagnostics& out) {
  auto take = [&out](auto&& result) -> std::optional<std::int64_t> {
    out.insert(out.end(), result.diagnostics.begin(), result.diagnostics.end());
    if (!result.ok() || has_errors(result.diagnostics)) return std::nullopt;
    return static_cast<std::int64_t>(result.table->size());
  };
  switch (kind) {
    case TableKind::Offices:
      return take(master::load_offices(text, name, &m.service_types));
    case TableKind::Insurers:
      return take(master::load_insurers(text, name));
    case TableKind::Recipients:
      return take(master::load_recipients(text, name));
    case TableKind::Services:
      return take(master::load_service_codes(text, name, &m.service_types));
    case TableKind::Fees:
      return take(settlement::load_fees(text, name));
    case TableKind::Sougou:
      return take(master::load_sougou_master(text, name, &m.service_types));
    case TableKind::Kohi:
      return take(master::load_fund_recipients(text, name));
  }
  return std::nullopt;
}

template <class T>
T stored_or_empty(Database& db, TableKind kind, auto&& loader) {
  auto t = db.latest_table(kind);
  if (!t) return T{};
  auto result = loader(*t);
  if (!result.ok()) stored_table_broken(*t, result.diagnostics);
  return std::move(*result.table);
}

}  // namespace

TableLoadReport load_table(Database& db, TableKind kind, std::string_view file_name, std::string_view text,
                           const LocalDateTime& at, EmptyTable empty) {
  TableLoadReport report;
  auto masters = masters_of(db);
  if (!masters.ok()) {
    report.diagnostics = std::move(masters.diagnostics);
    return report;
  }
  std::string name(file_name);
  auto rows = validate(*masters.table, kind, text, name, report.diagnostics);
  if (!rows) return report;
  // A file with no rows would replace the ledger in force with nothing: only when meant.
  if (*rows == 0 && empty == EmptyTable::Refuse) {
    Diagnostic d;
    d.code = "KL01";
    d.file = name;
    d.message_ja = fmt::format("行がありません（見出し行だけです）。取り込むと今の{}が空になります。空にするときは --empty "
                               "を付けてください",
                               enum_code(kind));
    d.message_en = fmt::format("the file has no rows (a header only); loading it would empty the {} in force — say "
                               "--empty if that is meant",
                               enum_code(kind));
    report.diagnostics.push_back(std::move(d));
    return report;
  }
  db.store_table(LoadedTable{kind, name, at, *rows, sha256_hex(text), std::string(text)});
  report.stored = true;
  report.rows = *rows;
  return report;
}

TablesInForce load_tables_in_force(Database& db, Recipients recipients) {
  auto masters = masters_of(db);
  if (!masters.ok()) {
    std::string first = masters.diagnostics.empty() ? std::string() : masters.diagnostics.front().to_string();
    throw StoreError(fmt::format("マスタを読み込めません / the masters do not load: {}", first));
  }
  TablesInForce w;
  w.masters = std::move(*masters.table);
  const auto* types = &w.masters.service_types;
  w.offices = stored_or_empty<master::OfficeLedger>(db, TableKind::Offices, [types](const LoadedTable& t) {
    return master::load_offices(t.text, t.file_name, types);
  });
  w.insurers = stored_or_empty<master::InsurerLedger>(
      db, TableKind::Insurers, [](const LoadedTable& t) { return master::load_insurers(t.text, t.file_name); });
  if (recipients == Recipients::Skip) return w;
  auto people = load_people_in_force(db);
  w.recipients = std::move(people.recipients);
  w.funds = std::move(people.funds);
  return w;
}

PeopleInForce load_people_in_force(Database& db) {
  PeopleInForce p;
  p.recipients = stored_or_empty<master::RecipientLedger>(
      db, TableKind::Recipients, [](const LoadedTable& t) { return master::load_recipients(t.text, t.file_name); });
  if (db.latest_table(TableKind::Kohi)) {
    p.funds = stored_or_empty<master::FundRecipientLedger>(
        db, TableKind::Kohi, [](const LoadedTable& t) { return master::load_fund_recipients(t.text, t.file_name); });
  }
  return p;
}

}  // namespace kaigo::store
