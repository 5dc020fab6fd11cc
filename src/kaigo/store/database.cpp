#include "kaigo/store/database.hpp"

#include <fmt/format.h>
#include <array>

#include "kaigo/store/detail/schema.hpp"
#include "kaigo/store/schema/modules.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {
namespace {

constexpr std::array<std::string_view, 5> kTableKinds{"offices", "insurers", "recipients", "services", "fees"};

int schema_version(Connection& c) {
  auto st = c.prepare("PRAGMA user_version");
  return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

// Brings a database of an earlier schema up to this one, then creates what is missing.
void upgrade(Connection& c, int version) {
  Transaction tx(c);
  if (version > 0) {
    for (int v = version; v < kSchemaVersion; ++v) c.exec(kMigrations[v]);
  }
  c.exec(kSchema);
  for (auto piece : schema::kModuleSchemas) c.exec(piece);
  c.exec(fmt::format("PRAGMA user_version={}", kSchemaVersion));
  tx.commit();
}

}  // namespace

std::string_view table_kind_name(TableKind k) { return kTableKinds[static_cast<std::size_t>(k)]; }

std::optional<TableKind> parse_table_kind(std::string_view name) {
  for (std::size_t i = 0; i < kTableKinds.size(); ++i) {
    if (kTableKinds[i] == name) return static_cast<TableKind>(i);
  }
  return std::nullopt;
}

Database::Database(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::create(const std::filesystem::path& path) {
  auto conn = std::make_unique<Connection>(path, true);
  int version = schema_version(*conn);
  if (version > kSchemaVersion) {
    throw StoreError(
        fmt::format("{} は新しい版の kaigo で作られたデータベースです（版 {}）/ {} was made by a newer "
                    "kaigo (schema {})",
                    path.string(), version, path.string(), version));
  }
  upgrade(*conn, version);
  return std::unique_ptr<Database>(new Database(std::move(conn)));
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    throw StoreError(
        fmt::format("データベース {} がありません。先に kaigo init --db {} を実行してください / database {} "
                    "does not exist; run kaigo init --db {} first",
                    path.string(), path.string(), path.string(), path.string()));
  }
  auto conn = std::make_unique<Connection>(path, false);
  int version = schema_version(*conn);
  if (version < 1 || version > kSchemaVersion) {
    throw StoreError(
        fmt::format("{} は kaigo のデータベースではないか、版が違います（版 {}、期待 {}）。kaigo init を実行して"
                    "ください / {} is not a kaigo database of this version (schema {}, expected {}); run "
                    "kaigo init",
                    path.string(), version, kSchemaVersion, path.string(), version, kSchemaVersion));
  }
  // An earlier version is upgraded in place; tables added within a version (CREATE … IF NOT
  // EXISTS) appear on opening.
  upgrade(*conn, version);
  return std::unique_ptr<Database>(new Database(std::move(conn)));
}

void Database::store_settings(std::string_view toml_text, std::string_view file_name, const LocalDateTime& at) {
  Transaction tx(*conn_);
  conn_->prepare("INSERT OR REPLACE INTO settings(id, file_name, toml, stored_at) VALUES (1, ?, ?, ?)")
      .bind(1, file_name)
      .bind(2, toml_text)
      .bind(3, at.str())
      .run();
  tx.commit();
}

Settings Database::settings() {
  auto st = conn_->prepare("SELECT file_name, toml FROM settings WHERE id = 1");
  if (!st.step()) return Settings{};
  auto parsed = parse_settings(st.text(1), st.text(0));
  if (!parsed.settings) {
    throw StoreError(fmt::format("保存された設定 {} を解釈できません / the stored settings {} cannot be parsed",
                                 st.text(0), st.text(0)));
  }
  return *parsed.settings;
}

std::optional<std::string> Database::settings_file_name() {
  auto st = conn_->prepare("SELECT file_name FROM settings WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

void Database::store_table(const LoadedTable& t) {
  Transaction tx(*conn_);
  conn_->prepare("INSERT INTO loads(kind, file_name, loaded_at, rows, sha256, text) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, table_kind_name(t.kind))
      .bind(2, t.file_name)
      .bind(3, t.loaded_at.str())
      .bind(4, t.rows)
      .bind(5, t.sha256)
      .bind(6, t.text)
      .run();
  tx.commit();
}

std::optional<LoadedTable> Database::latest_table(TableKind kind) {
  auto st = conn_->prepare(
      "SELECT file_name, loaded_at, rows, sha256, text FROM loads WHERE kind = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, table_kind_name(kind));
  if (!st.step()) return std::nullopt;
  LoadedTable t;
  t.kind = kind;
  t.file_name = st.text(0);
  t.loaded_at = LocalDateTime::parse(st.text(1)).value_or(LocalDateTime{});
  t.rows = st.integer(2);
  t.sha256 = st.text(3);
  t.text = st.text(4);
  return t;
}

}  // namespace kaigo::store
