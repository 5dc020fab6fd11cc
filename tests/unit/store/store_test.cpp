// The database: schema and version, settings, and `kaigo load` all-or-nothing (issue 3).
#include <gtest/gtest.h>

#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/tables.hpp"
#include "support/old_schema.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

using testing::TempDir;

const LocalDateTime kAt = *LocalDateTime::parse("2026-05-02T10:00:00");

constexpr const char* kOffices =
    "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,address,"
    "owner_name,bank_name,bank_branch\n"
    "1370000001,11,訪問介護さくら,1,20240401,,1,131016,1000001,東京都千代田区,さくら会,みずほ,本店\n";

TEST(Store, OpenRefusesADatabaseNotInitialised) {
  TempDir dir;
  EXPECT_THROW(Database::open(dir / "none.db"), StoreError);
  { Connection raw(dir / "other.db", true); }
  try {
    Database::open(dir / "other.db");
    FAIL() << "opened an uninitialised database";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("kaigo init"), std::string::npos) << e.what();
  }
}

// A file that is not SQLite is refused with the reason and left as it was, by open and by create.
TEST(Store, AFileThatIsNotSqliteIsRefusedAndLeftAsItWas) {
  TempDir dir;
  const std::string text = "office_no,name\n1370000001,さくら\n";
  testing::write_file(dir / "offices.db", text);
  for (auto attempt : {+[](const std::filesystem::path& p) { Database::open(p); },
                       +[](const std::filesystem::path& p) { Database::create(p); }}) {
    try {
      attempt(dir / "offices.db");
      FAIL() << "a CSV file was taken for a database";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("SQLite のファイルではありません"), std::string::npos) << e.what();
    }
    EXPECT_EQ(testing::read_file(dir / "offices.db"), text);
    EXPECT_FALSE(std::filesystem::exists(dir / "offices.db-wal"));
  }
}

// Opening the database a second time in one process (a server thread's own connection) keeps the
// locks the first connection holds: another process that opens and closes the database must not
// take itself for the last one and remove the write-ahead log under the first (which then failed
// with "disk I/O error"). Reading the header through a second descriptor and closing it used to
// drop every POSIX lock of the process on the file.
TEST(Store, ASecondConnectionInOneProcessKeepsTheFirstOnesLocks) {
  TempDir dir;
  const auto path = dir / "k.db";
  ASSERT_EQ(testing::run_kaigo("init --db " + path.string()).exit_code, 0);
  auto first = Database::open(path);
  first->store_settings("name = \"A\"\n", "a.toml", kAt);
  ASSERT_TRUE(std::filesystem::exists(dir / "k.db-wal"));
  auto second = Database::open(path);
  // Another process opens the database and closes it.
  auto other = testing::run_kaigo("month list --db " + path.string());
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "k.db-wal"));
  EXPECT_TRUE(std::filesystem::exists(dir / "k.db-shm"));
  first->store_settings("name = \"B\"\n", "b.toml", kAt);
  EXPECT_EQ(second->settings().name, "B");
}

// A statement prepared again comes from the connection's idle statements: it starts afresh (no
// binds left, no row half read), and it sees what was written since.
TEST(Store, APreparedStatementUsedAgainStartsAfresh) {
  TempDir dir;
  Connection c(dir / "s.db", true);
  c.exec("CREATE TABLE t(v INTEGER)");
  c.exec("INSERT INTO t VALUES (1), (2), (3)");
  constexpr std::string_view kSql = "SELECT v, ?1 FROM t ORDER BY v";
  {
    auto st = c.prepare(kSql);
    st.bind(1, std::int64_t{7});
    ASSERT_TRUE(st.step());  // left after its first row
    EXPECT_EQ(st.integer(1), 7);
  }
  c.exec("INSERT INTO t VALUES (0)");  // a write while it is idle (and a reader never blocks it)
  auto again = c.prepare(kSql);
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.integer(0), 0);
  EXPECT_TRUE(again.is_null(1));  // the bind of its last use is gone
  // The same SQL prepared while the first is in use is a statement of its own.
  auto other = c.prepare(kSql);
  ASSERT_TRUE(other.step());
  EXPECT_EQ(other.integer(0), 0);
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.integer(0), 1);
}

// rows() reads every remaining row in order; first_row() the next one, or nothing when there is none.
TEST(Store, StatementRowsAndFirstRowReadWhatIsLeft) {
  TempDir dir;
  Connection c(dir / "r.db", true);
  c.exec("CREATE TABLE t(v INTEGER, name TEXT)");
  c.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
  auto read = [](const Statement& st) { return std::to_string(st.integer(0)) + st.text(1); };
  EXPECT_EQ(c.prepare("SELECT v, name FROM t ORDER BY v").rows(read), (std::vector<std::string>{"1a", "2b", "3c"}));
  EXPECT_TRUE(c.prepare("SELECT v, name FROM t WHERE v > 3").rows(read).empty());
  auto st = c.prepare("SELECT v, name FROM t WHERE v >= ? ORDER BY v");
  st.bind(1, 2);
  EXPECT_EQ(st.first_row(read), std::optional<std::string>("2b"));
  EXPECT_EQ(st.rows(read), std::vector<std::string>{"3c"});
  EXPECT_EQ(c.prepare("SELECT v, name FROM t WHERE v > 3").first_row(read), std::nullopt);
}

// bind_all binds its values to ?1, ?2, … in their order, each with its own type.
TEST(Store, BindAllBindsInOrder) {
  TempDir dir;
  Connection c(dir / "b.db", true);
  auto st = c.prepare("SELECT ?1, ?2, ?3, typeof(?2)");
  ASSERT_TRUE(st.bind_all(std::string("a"), std::int64_t{7}, "c").step());
  EXPECT_EQ(st.text(0), "a");
  EXPECT_EQ(st.integer(1), 7);
  EXPECT_EQ(st.text(2), "c");
  EXPECT_EQ(st.text(3), "integer");
}

TEST(Store, CreateIsIdempotentAndKeepsData) {
  TempDir dir;
  auto path = dir / "k.db";
  {
    auto db = Database::create(path);
    db->store_settings("name = \"A\"\n", "a.toml", kAt);
  }
  auto db = Database::create(path);
  EXPECT_EQ(db->settings().name, "A");
  EXPECT_EQ(db->settings_file_name(), "a.toml");
}

// A database of schema 1 (before 再審査 decisions were kept) is upgraded in place on opening: its
// decisions become the review's, and what it held stays.
TEST(Store, OpenUpgradesASchema1Database) {
  TempDir dir;
  auto path = dir / "k.db";
  {
    auto db = Database::create(path);
    db->store_settings("name = \"A\"\n", "a.toml", kAt);
    auto& c = db->connection();
    c.exec(
        "INSERT INTO claim_decisions(month, claim_id, submission_id, copy, order_no, outcome, released, "
        "held_since, form_id, office_no, insurer_no, insured_no, service_month, written_units, written_claim, "
        "written_burden, written_fund1, written_fund2, written_fund3, decided_units, decided_claim, decided_burden, "
        "decided_fund1, decided_fund2, decided_fund3) VALUES ('202605', '1:k#1', 1, 1, 1, 'paid', 0, '', "
        "'7131', '1370000001', '131016', '0000000001', '202604', 100, 900, 100, 0, 0, 0, 100, 900, 100, 0, 0, 0)");
    c.exec("INSERT INTO review_months(month, started_at, finished_at) VALUES ('202605', 'x', '2026-05-11T02:00:00')");
    // What schema 1 did not have: claim_decisions.kind and claim_withdrawals (schema 2), the month
    // states and the owner of a file in flight (schema 3), the packed 集計 rows (schema 4), and the
    // pages' index on kind (views); what it had and schema 5 has not: the decisions' doc_key; what
    // schema 6 changed: submission_documents without a rowid; schema 7's packed files; schema 8's
    // plan decisions without their index by month; schema 9's partial indexes by outcome.
    // A document of a file in review, for the duplicate lookup after the upgrade.
    c.exec(
        "INSERT INTO submissions(id, file_name, received_at, processing_month, state, sha256, size) VALUES "
        "(1, 'a.CSV', 'x', '202605', 'sent', '', 0); "
        "INSERT INTO submission_documents(submission_id, seq, code, doc_key, office_no, insurer_no, insured_no, "
        "service_month, has_errors) VALUES (1, 1, '7131', '7131|7131|202604|1370000001|00131016|0000000001', "
        "'1370000001', '00131016', '0000000001', '202604', 0);");
    c.exec(testing::kBackToSchema8);
    c.exec(testing::kBackToSchema7);
    c.exec(testing::kBackToSchema6);
    c.exec(testing::kBackToSchema5);
    c.exec(testing::kBackToSchema4);
    c.exec(
        "DROP INDEX claim_decisions_outcome; ALTER TABLE claim_decisions DROP COLUMN packed_rows; "
        "DROP INDEX claim_withdrawals_claim; DROP TABLE claim_withdrawals; ALTER TABLE claim_decisions DROP COLUMN "
        "kind; DROP TABLE months; DROP TABLE month_states; DROP TABLE month_job; DROP TABLE schema_info; "
        "ALTER TABLE submissions DROP COLUMN owner; DROP INDEX submissions_sender; DROP INDEX submissions_idempotency; "
        "ALTER TABLE submissions DROP COLUMN sender; ALTER TABLE submissions DROP COLUMN idempotency_key; "
        "PRAGMA user_version = 1;");
  }
  auto db = Database::open(path);
  auto& c = db->connection();
  auto version = c.prepare("PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.integer(0), 9);
  EXPECT_FALSE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'plan_decisions_month'").step());
  for (const char* index : {"claim_decisions_outcome", "plan_decisions_outcome"}) {
    auto partial = c.prepare("SELECT sql FROM sqlite_master WHERE name = ?");
    partial.bind(1, index);
    ASSERT_TRUE(partial.step()) << index;
    EXPECT_NE(partial.text(0).find(" WHERE "), std::string::npos) << partial.text(0);
  }
  EXPECT_FALSE(c.prepare("SELECT 1 FROM pragma_table_info('claim_decisions') WHERE name = 'doc_key'").step());
  EXPECT_TRUE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'submission_documents' AND sql LIKE '%WITHOUT ROWID'").step());
  EXPECT_FALSE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'claim_decisions_submission'").step());
  EXPECT_FALSE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'submission_documents_person'").step());
  EXPECT_TRUE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'submission_documents_key_file'").step());
  EXPECT_FALSE(c.prepare("SELECT 1 FROM pragma_table_info('plan_decisions') WHERE name = 'doc_key'").step());
  EXPECT_TRUE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'claim_decisions_file'").step());
  // The file of the month holding a document key is still found (ANN2).
  const std::vector<exchange::DocumentKey> keys{
      exchange::DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131016", "0000000001"})};
  const auto found = db->documents_in_review({2026, 5}, keys, 2);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].submission_id, 1);
  EXPECT_EQ(found[0].file_name, "a.CSV");
  // A month reviewed before the month states existed is 審査済.
  EXPECT_EQ(db->month({2026, 5}).state, reception::MonthState::Reviewed);
  EXPECT_EQ(db->month({2026, 6}).state, reception::MonthState::Open);
  auto st = c.prepare("SELECT kind, decided_claim FROM claim_decisions WHERE claim_id = '1:k#1'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "review");
  EXPECT_EQ(st.integer(1), 900);
  EXPECT_EQ(db->settings().name, "A");
  c.exec("INSERT INTO claim_withdrawals(month, claim_id, kago_code, same_month) VALUES ('202606', '1:k#1', '1002', 0)");

  // A database of a later version is refused, not changed.
  c.exec("PRAGMA user_version = 10");
  db.reset();
  EXPECT_THROW(Database::open(path), StoreError);
}

// The files this process has open whose name SQLite gives its temporary files.
std::size_t open_temporary_files() {
  std::size_t n = 0;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(fd.path(), ec);
    if (!ec && target.filename().string().starts_with("etilqs_")) ++n;
  }
  return n;
}

// A savepoint's journal (each file of a receipt group has one) is kept in memory however large:
// spilled to a temporary file past 64 KiB, it cost a submit of the compare.sh month 270 MB of
// writes to /var/tmp.
TEST(Store, SavepointJournalsStayInMemory) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  auto& c = db->connection();
  c.exec("CREATE TABLE pages(x BLOB)");
  {
    Transaction outer(c);
    c.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
           "INSERT INTO pages SELECT zeroblob(2000) FROM n");
    Transaction inner(c);  // a savepoint: the pages it changes are journaled first
    c.exec("UPDATE pages SET x = zeroblob(2100)");
    EXPECT_EQ(open_temporary_files(), 0u);
    inner.commit();
    outer.commit();
  }
  auto st = c.prepare("SELECT COUNT(*), SUM(length(x)) FROM pages");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.integer(0), 300);
  EXPECT_EQ(st.integer(1), 300 * 2100);
}

TEST(Store, SettingsDefaultWhenNoneStored) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  EXPECT_EQ(db->settings().reception.deadline_day, 10);
  EXPECT_EQ(db->settings_file_name(), std::nullopt);
}

TEST(Store, LoadTableStoresAValidFile) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  auto r = load_table(*db, TableKind::Offices, "offices.csv", kOffices, kAt);
  ASSERT_TRUE(r.stored) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  EXPECT_EQ(r.rows, 1);
  auto t = db->latest_table(TableKind::Offices);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->file_name, "offices.csv");
  EXPECT_EQ(t->text, kOffices);
  EXPECT_EQ(t->loaded_at, kAt);
  EXPECT_EQ(t->sha256.size(), 64u);
  auto world = load_tables_in_force(*db);
  const auto* o = world.offices.find("1370000001", "11", {2026, 4});
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->name, "訪問介護さくら");
}

// The 公費受給者台帳 is in force only once loaded: before, the review has none (and keeps to the
// slots as written); after, its versions are read back.
TEST(Store, KohiLedgerIsInForceOnlyOnceLoaded) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  EXPECT_FALSE(load_tables_in_force(*db).funds.has_value());
  auto r = load_table(*db, TableKind::Kohi, "kohi.csv",
                      "payer_no,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to\n"
                      "12306013,0000011,131001,H000000001,100,0,20260101,\n",
                      kAt);
  ASSERT_TRUE(r.stored);
  EXPECT_EQ(r.rows, 1);
  auto world = load_tables_in_force(*db);
  ASSERT_TRUE(world.funds.has_value());
  const auto* f = world.funds->find("12306013", "0000011", {2026, 4});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->insured_no, "H000000001");
  EXPECT_EQ(parse_enum<TableKind>("kohi"), TableKind::Kohi);
  // Reception leaves the person ledgers out.
  EXPECT_FALSE(load_tables_in_force(*db, Recipients::Skip).funds.has_value());
}

struct BadTable {
  TableKind kind;
  const char* text;
  const char* code;
  std::uint64_t line;
  int item_no;
};

class LoadTableRefuses : public ::testing::TestWithParam<BadTable> {};

// A bad file is refused whole, naming file, line and column; the earlier load stays in force.
TEST_P(LoadTableRefuses, NothingOfTheFileIsStored) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  const auto& p = GetParam();
  ASSERT_TRUE(load_table(*db, TableKind::Offices, "offices.csv", kOffices, kAt).stored);
  auto before = db->latest_table(p.kind);
  auto r = load_table(*db, p.kind, "bad.csv", p.text, kAt);
  EXPECT_FALSE(r.stored);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, p.code);
  EXPECT_EQ(r.diagnostics[0].file, "bad.csv");
  EXPECT_EQ(r.diagnostics[0].line, p.line);
  EXPECT_EQ(r.diagnostics[0].item_no, p.item_no);
  auto after = db->latest_table(p.kind);
  EXPECT_EQ(before.has_value(), after.has_value());
  if (before) {
    EXPECT_EQ(before->text, after->text);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, LoadTableRefuses,
    ::testing::Values(
        // Two versions of one insurer whose periods overlap.
        BadTable{TableKind::Insurers,
                 "insurer_no,name,valid_from,valid_to\n131001,千代田区,20200101,\n131001,千代田区,20210101,\n", "KM08",
                 3, 3},
        // A malformed row: 生年月日 not a date.
        BadTable{TableKind::Recipients,
                 "insurer_no,insured_no,name_kana,birth_date,sex,care_level,cert_from,cert_to,change_pending,"
                 "benefit_rate,limit_units,plan_kind,support_office_no,valid_from,valid_to\n"
                 "131001,0000000001,ｱ,19400231,1,21,20260101,20261231,0,90,,1,1370000002,20260101,\n",
                 "KM06", 2, 4},
        // An unknown code: サービス種類 99 is not in the master.
        BadTable{TableKind::Offices,
                 "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,"
                 "postal_code,address,owner_name,bank_name,bank_branch\n"
                 "1370000009,99,謎,1,20240401,,1,131016,1000001,東京都,x,y,z\n",
                 "KM07", 2, 2},
        // A 公費受給者台帳 row whose 公費給付率 is over 100.
        BadTable{TableKind::Kohi,
                 "payer_no,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to\n"
                 "12306013,0000011,131001,H000000001,110,0,20260101,\n",
                 "KM05", 2, 5},
        // A file saved as Shift_JIS.
        BadTable{TableKind::Insurers, "insurer_no,name,valid_from,valid_to\n131001,\x90\xe7,20200101,\n", "KM11", 2,
                 2}));

TEST(Store, SurvivesReopeningWithWal) {
  TempDir dir;
  auto path = dir / "k.db";
  { ASSERT_TRUE(load_table(*Database::create(path), TableKind::Offices, "o.csv", kOffices, kAt).stored); }
  auto db = Database::open(path);
  EXPECT_EQ(db->latest_table(TableKind::Offices)->rows, 1);
  auto st = db->connection().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "wal");
}

}  // namespace
}  // namespace kaigo::store
