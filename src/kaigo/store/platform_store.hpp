// store/platform_store — the platform module's Repository on SQLite (schema/platform.hpp), over
// the same Database (connection) as the claims and auth stores, so that a platform change and its
// audit row (store::AuthStore) commit in one transaction, and the 明細書 of the claims store tell
// whether an office still serves a person.
// One PlatformStore per thread, over that thread's own Database.
// Owns: the SQL of the platform tables. Must not: decide anything (platform does).
#pragma once
#include <memory>

#include "kaigo/platform/repository.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

class Statement;

class PlatformStore : public platform::Repository {
 public:
  explicit PlatformStore(Database& db);
  ~PlatformStore() override;
  PlatformStore(const PlatformStore&) = delete;
  PlatformStore& operator=(const PlatformStore&) = delete;

  void atomically(const std::function<void()>& step) override;
  std::optional<platform::LatestVersion> latest(const master::PersonId& person, std::string_view kind,
                                                std::string_view record_id) override;
  std::int64_t add_version(const platform::Record& record) override;
  std::vector<platform::Record> records(const master::PersonId& person) override;
  std::string next_record_id(std::string_view prefix) override;
  std::optional<platform::PersonLink> link(const master::PersonId& person) override;
  void set_link(const master::PersonId& person, const platform::PersonLink& link, const LocalDateTime& at) override;
  std::vector<master::PersonId> linked_with(std::string_view pmh_key) override;
  std::string key_salt() override;
  std::int64_t add_linkage_file(const platform::LinkageFileRecord& file) override;
  void set_linkage_answer(std::int64_t id, std::string_view answer) override;
  std::optional<platform::LinkageFileRecord> linkage_file(std::int64_t id) override;
  std::optional<Date> golive(std::string_view insurer_no) override;
  void set_golive(std::span<const platform::GoLive> dates, std::string_view file_name, const LocalDateTime& at) override;
  std::vector<platform::GoLive> golives() override;
  void add_identification(const platform::Identification& identification) override;
  std::optional<platform::Identification> identification(std::string_view office_no, const master::PersonId& person,
                                                         const LocalDateTime& at) override;
  std::optional<YearMonth> latest_claim_month(std::string_view office_no, const master::PersonId& person,
                                              const LocalDateTime& at) override;
  std::int64_t add_invoice(const platform::Invoice& invoice) override;
  std::vector<platform::Invoice> invoices(std::string_view insurer_no, Date from, Date to) override;
  std::int64_t add_packet(const platform::Packet& packet) override;
  std::optional<platform::Packet> packet(std::int64_t id) override;

  // How many record versions are stored (for benchmarks and checks).
  std::int64_t record_count();

 private:
  // The statements a linkage file runs for every row, prepared once (a million rows a file).
  Statement& cached(std::unique_ptr<Statement>& slot, std::string_view sql);
  Database& db_;
  std::string salt_;  // cached once read
  std::unique_ptr<Statement> latest_, insert_;
};

}  // namespace kaigo::store
