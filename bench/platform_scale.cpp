// The platform at scale (docs/performance.md "platform"): a daily linkage file of 1,000,000 rows
// applied through the same path as `kaigo platform load` (checked, compared with each record's
// latest version, stored, audited, one transaction), then the store filled to 10,000,000 record
// versions with more such files, and 10,000 views of random people — each decided, audited (a
// fully synced append to the hash chain) and answered — timed one by one for the p50 / p99 / max.
// Usage: kaigo_bench_platform [ROWS_PER_FILE] [TOTAL_RECORDS] [VIEWS] (defaults 1000000 10000000 10000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kaigo/gen/platform_month.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/platform/platform.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/platform_store.hpp"

namespace {

using namespace kaigo;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// People of one synthetic municipality (insurer 131013 + file number), each with the rows of
// gen::append_person_rows (証, 申請書 with consent, 調査票, 意見書, LIFE, ケアプラン, 住宅改修 …).
struct File {
  std::string text;
  std::int64_t rows = 0;
  int people = 0;
};

File linkage_file(int file_no, std::int64_t rows_wanted) {
  File f;
  f.text = "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n";
  f.text.reserve(static_cast<std::size_t>(rows_wanted) * 110);
  const auto insurer = fmt::format("{:06d}", 131013 + file_no);
  for (int i = 0; f.rows < rows_wanted; ++i) {
    gen::PlatformPerson p{insurer, fmt::format("{:010d}", i), "ﾔﾏﾀﾞ ﾀﾛｳ", Date{1940, 1, 1 + i % 28}, 1 + i % 2,
                          i % 3 ? "22" : "13", Date{2026, 5, 1 + i % 28}, Date{2027, 4, 30}, "1370000001"};
    f.rows += gen::append_person_rows(f.text, p, i, 1, Date{2026, 4, 1});
    ++f.people;
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t rows_per_file = argc > 1 ? std::stoll(argv[1]) : 1'000'000;
  const std::int64_t total = argc > 2 ? std::stoll(argv[2]) : 10'000'000;
  const int views = argc > 3 ? std::stoi(argv[3]) : 10'000;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("kaigo-platform-bench-{}", std::random_device{}());
  std::filesystem::create_directories(dir);
  {
    auto db = store::Database::create(dir / "k.db");
    store::AuthStore audit(*db);
    store::PlatformStore repo(*db);
    auto masters = master::load_bundled_masters();
    auto offices = master::load_offices(
        "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,address,"
        "owner_name,bank_name,bank_branch\n1370000001,43,さくら居宅介護支援事業所,1,20200401,,1,131013,1000000,さくら市,法人,銀行,支店\n",
        "offices.csv", &masters.table->service_types);
    platform::Platform p(repo, audit, *offices.table);
    const auth::Caller op{"cli:bench", "cli", LocalDateTime{{2026, 6, 1}, 9, 0, 0}};

    // 1. The daily file of a million rows.
    auto t = Clock::now();
    auto first = linkage_file(0, rows_per_file);
    const double made = seconds_since(t);
    t = Clock::now();
    auto a = p.load_linkage(op, nullptr, first.text, "daily.csv");
    const double applied = seconds_since(t);
    std::printf("linkage file: %lld rows (%d people, %.1f MB), made in %.1f s\n", static_cast<long long>(first.rows), first.people,
                static_cast<double>(first.text.size()) / 1e6, made);
    std::printf("applied (kaigo platform load path): %.1f s, %.0f rows/s, status %s, inserted %lld, refused %lld, pmh errors %lld\n",
                applied, static_cast<double>(first.rows) / applied, std::string(enum_code(a.status)).c_str(),
                static_cast<long long>(a.inserted), static_cast<long long>(a.refused), static_cast<long long>(a.pmh_errors));
    t = Clock::now();
    auto again = p.load_linkage(op, nullptr, first.text, "daily.csv");
    std::printf("the same file again: %.1f s, unchanged %lld\n", seconds_since(t), static_cast<long long>(again.unchanged));
    const int people = first.people;
    first.text.clear();
    first.text.shrink_to_fit();

    // 2. More municipalities' files until the store holds `total` record versions.
    t = Clock::now();
    int files = 1;
    std::string golive = "insurer_no,golive_on\n131013,20260401\n";
    while (repo.record_count() < total) {
      auto f = linkage_file(files, std::min(rows_per_file, total - repo.record_count()));
      golive += fmt::format("{:06d},20260401\n", 131013 + files);
      p.load_linkage(op, nullptr, f.text, fmt::format("initial-{}.csv", files));
      ++files;
    }
    const auto size = std::filesystem::file_size(dir / "k.db");
    std::printf("store: %lld record versions from %d files, filled in %.0f s, database %.2f GB\n",
                static_cast<long long>(repo.record_count()), files, seconds_since(t), static_cast<double>(size) / 1e9);
    if (!p.load_golive(op, golive, "golive.csv").stored) return 1;

    // 3. Views of random people by the municipality and by a care manager who verified them.
    auth::User city;
    city.id = "KJ1310130001";
    city.role = auth::Role::Municipality;
    city.insurer_no = "131013";
    auth::User manager;
    manager.id = "KJ1370000001";
    manager.role = auth::Role::Office;
    manager.job = auth::Job::CareManager;
    manager.offices = {"1370000001"};
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> pick(0, people - 1);
    const auth::Caller at_city{city.id, "bench", LocalDateTime{{2026, 6, 15}, 10, 0, 0}};
    const auth::Caller at_office{manager.id, "bench", LocalDateTime{{2026, 6, 15}, 10, 0, 0}};
    for (int i = 0; i < 200; ++i) {
      master::PersonId k{"131013", fmt::format("{:010d}", i)};
      p.identify(manager, {manager.id, "bench", LocalDateTime{{2026, 6, 2}, 9, 0, 0}}, k, platform::IdentifyMethod::Card, {});
    }
    const platform::ViewKind kinds[] = {platform::ViewKind::Card, platform::ViewKind::Survey, platform::ViewKind::Housing,
                                        platform::ViewKind::CarePlan};
    for (const char* who : {"municipality", "care manager"}) {
      std::vector<double> ms;
      std::int64_t shown = 0, allowed = 0;
      for (int i = 0; i < views; ++i) {
        const bool office = who[0] == 'c';
        master::PersonId k{"131013", fmt::format("{:010d}", office ? i % 200 : pick(rng))};
        auto start = Clock::now();
        auto v = office ? p.view(manager, at_office, k, kinds[i % 4]) : p.view(city, at_city, k, kinds[i % 4]);
        ms.push_back(seconds_since(start) * 1000.0);
        shown += static_cast<std::int64_t>(v.records.size());
        allowed += v.decision.allowed;
      }
      std::sort(ms.begin(), ms.end());
      auto q = [&](double f) { return ms[static_cast<std::size_t>(f * static_cast<double>(ms.size() - 1))]; };
      std::printf("views by the %s: %d (allowed %lld, %lld records shown), p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", who, views,
                  static_cast<long long>(allowed), static_cast<long long>(shown), q(0.50), q(0.99), ms.back());
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}
