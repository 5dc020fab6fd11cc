// store/read_ahead — items fetched in order on a thread of their own while the caller's thread uses
// them in the same order, a few ahead: what the caller would wait for (a file read from the
// database and unpacked) is done while it works on the one before. Private to the store module.
// Owns: the hand-over and its failures. Must not: know what the items are.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

namespace kaigo::store {

// use(fetch(i)) for i = 0 … count-1, in that order: fetch on a thread of its own, at most `depth`
// items ahead of use, use on the caller's thread. A failure of fetch(i) is rethrown here after
// use has had every item before i (as a loop doing both would); a failure of use stops the fetching
// thread and is rethrown once it has stopped.
template <class Fetch, class Use>
void read_ahead(std::size_t count, std::size_t depth, Fetch&& fetch, Use&& use) {
  using Item = std::invoke_result_t<Fetch&, std::size_t>;
  std::mutex mutex;
  std::condition_variable changed;  // an item ready, room made, the end, or a stop
  std::deque<Item> ready;
  bool fetched_all = false;
  bool stop = false;
  std::exception_ptr failure;
  std::thread fetcher([&] {
    try {
      for (std::size_t i = 0; i < count; ++i) {
        Item item = fetch(i);
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ready.size() < depth || stop; });
        if (stop) return;
        ready.push_back(std::move(item));
        lock.unlock();
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
    }
    {
      std::lock_guard lock(mutex);
      fetched_all = true;
    }
    changed.notify_all();
  });
  try {
    for (;;) {
      std::optional<Item> item;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !ready.empty() || fetched_all; });
        if (ready.empty()) break;
        item.emplace(std::move(ready.front()));
        ready.pop_front();
      }
      changed.notify_all();
      use(std::move(*item));
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    fetcher.join();
    throw;
  }
  fetcher.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kaigo::store
