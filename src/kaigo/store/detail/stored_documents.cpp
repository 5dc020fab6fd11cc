#include "kaigo/store/detail/stored_documents.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/store/detail/file_packing.hpp"
#include "kaigo/store/errors.hpp"

namespace kaigo::store {

exchange::DocumentKey stored_key(std::string_view text) {
  auto key = exchange::DocumentKey::from_text(text);
  if (!key) throw StoreError(fmt::format("文書のキーが不正です / malformed document key: {}", text));
  return std::move(*key);
}
namespace {

class DocumentList : public exchange::Sink {
 public:
  explicit DocumentList(const std::function<void(const exchange::Document&)>& fn) : fn_(fn) {}
  void on_document(const exchange::Document& d) override {
    if (d.form) fn_(d);
  }

 private:
  const std::function<void(const exchange::Document&)>& fn_;
};

}  // namespace

void read_stored(Database& db, std::int64_t submission, const std::function<void(const exchange::Document&)>& fn) {
  parse_stored(submission, db.bytes(submission), fn);
}

void parse_stored(std::int64_t submission, std::string_view bytes, const std::function<void(const exchange::Document&)>& fn) {
  DocumentList list(fn);
  // Reception checked these bytes' items and stored what it found; the review reads its findings
  // from there (ReceptionFindings), so the items are not checked again.
  exchange::ReadOptions options;
  options.check_items = false;
  exchange::read_bytes(fmt::format("#{}", submission), bytes, list, options);
}

void parse_on_cores(Database& db, const std::vector<std::int64_t>& files,
                    const std::function<void(std::size_t, const exchange::Document&)>& fn) {
  struct Fetched {
    std::size_t index = 0;
    StoredFile file;
  };
  const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t most_waiting = 4 * workers;  // files fetched ahead: a few MiB at most
  std::mutex mutex;
  std::condition_variable ready;  // a file to parse, the end, or a failure
  std::condition_variable space;  // room for a file, or a failure
  std::deque<Fetched> waiting;
  bool fetched_all = false;
  std::exception_ptr failure;
  const auto fail = [&](std::exception_ptr e) {
    {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::move(e);
    }
    ready.notify_all();
    space.notify_all();
  };
  const auto parse = [&] {
    for (;;) {
      Fetched f;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return !waiting.empty() || fetched_all || failure; });
        if (failure || waiting.empty()) return;
        f = std::move(waiting.front());
        waiting.pop_front();
      }
      space.notify_one();
      try {
        parse_stored(files[f.index], f.file.unpack(), [&](const exchange::Document& d) { fn(f.index, d); });
      } catch (...) {
        fail(std::current_exception());
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < std::min(workers, files.size()); ++w) pool.emplace_back(parse);
  try {
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto file = db.stored_file(files[i]);  // unpacked by the worker that parses it
      std::unique_lock lock(mutex);
      space.wait(lock, [&] { return waiting.size() < most_waiting || failure; });
      if (failure) break;
      waiting.push_back({i, std::move(file)});
      lock.unlock();
      ready.notify_one();
    }
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard lock(mutex);
    fetched_all = true;
  }
  ready.notify_all();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

std::vector<billing::ClaimStatement> claims_of(const exchange::Document& d) {
  if (d.form->family == exchange::Family::Statement) return documents::to_statements(d);
  if (d.form->family == exchange::Family::CarePlan) return {documents::as_statement(documents::to_care_plan_fee(d))};
  return {};
}

}  // namespace kaigo::store
