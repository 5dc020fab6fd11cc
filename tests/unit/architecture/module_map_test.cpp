// The module map, checked: which module may include which (src/kaigo/module_map.tsv, the arrows of
// DESIGN §2 with the store on top of the modules whose interfaces it implements), and that no one
// outside a module includes its private headers (those in a `detail/` folder; tests may look
// inside). The test reads every #include of src/kaigo, tools and bench.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "kaigo/core/strings.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

struct ModuleRule {
  std::set<std::string> may_use;
  bool anything = false;  // "*": the command line and the benchmarks
};
using ModuleMap = std::map<std::string, ModuleRule>;

ModuleMap load_map(std::string_view tsv) {
  ModuleMap map;
  auto rows = lines(tsv);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto cols = split(rows[i], '\t');
    if (cols.size() != 3) throw std::runtime_error("module_map.tsv:" + std::to_string(i + 1) + ": three columns");
    ModuleRule rule;
    rule.anything = cols[1] == "*";
    if (!rule.anything && cols[1] != "-") {
      for (auto m : split(cols[1], ' ')) rule.may_use.emplace(m);
    }
    map.emplace(std::string(cols[0]), std::move(rule));
  }
  return map;
}

// One #include "kaigo/…" of a file.
struct Include {
  std::string file;  // relative to the source root
  std::size_t line = 0;
  std::string header;  // e.g. kaigo/review/detail/plan_match.hpp
};

// The module a file belongs to: src/kaigo/<m>/…, tools/ = cli, bench/ = bench; "" for the rest.
std::string module_of(std::string_view file) {
  if (starts_with(file, "src/kaigo/")) {
    auto rest = file.substr(10);
    auto slash = rest.find('/');
    return slash == std::string_view::npos ? std::string() : std::string(rest.substr(0, slash));
  }
  if (starts_with(file, "tools/")) return "cli";
  if (starts_with(file, "bench/")) return "bench";
  return {};
}

std::vector<std::string> violations(const ModuleMap& map, const std::vector<Include>& includes) {
  std::vector<std::string> out;
  for (const auto& inc : includes) {
    const std::string from = module_of(inc.file);
    auto parts = split(inc.header, '/');  // kaigo, <module>, …
    if (from.empty() || parts.size() < 3) continue;
    const std::string to(parts[1]);
    const std::string where = inc.file + ":" + std::to_string(inc.line) + ": ";
    auto rule = map.find(from);
    if (rule == map.end()) {
      out.push_back(where + "module " + from + " is not in module_map.tsv");
      continue;
    }
    if (to == from) continue;
    if (!rule->second.anything && !rule->second.may_use.count(to)) {
      out.push_back(where + from + " may not include " + inc.header + " (module_map.tsv: " + from + " does not use " + to + ")");
    } else if (std::find(parts.begin(), parts.end(), "detail") != parts.end()) {
      out.push_back(where + inc.header + " is private to " + to);
    }
  }
  return out;
}

std::vector<Include> includes_of_tree() {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"(kaigo/[^"]+)")re");
  std::vector<Include> out;
  for (const char* root : {"src/kaigo", "tools", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / root)) {
      const auto ext = e.path().extension();
      if (ext != ".cpp" && ext != ".hpp" && ext != ".inc") continue;
      std::ifstream in(e.path());
      std::string line;
      std::smatch m;
      for (std::size_t no = 1; std::getline(in, line); ++no) {
        if (std::regex_search(line, m, kInclude)) {
          out.push_back({fs::relative(e.path(), source_dir()).generic_string(), no, m[1]});
        }
      }
    }
  }
  return out;
}

const ModuleMap& module_map() {
  static const ModuleMap map = load_map(read_file(source_dir() / "src/kaigo/module_map.tsv"));
  return map;
}

TEST(ModuleMap, EveryIncludeFollowsTheMap) {
  const auto includes = includes_of_tree();
  ASSERT_GT(includes.size(), 500u);  // the tree was read
  EXPECT_EQ(violations(module_map(), includes), std::vector<std::string>{});
}

TEST(ModuleMap, EveryModuleHasARowAndNamesOnlyModules) {
  for (const auto& e : fs::directory_iterator(source_dir() / "src/kaigo")) {
    if (!e.is_directory()) continue;
    EXPECT_TRUE(module_map().count(e.path().filename().string())) << e.path().filename();
  }
  for (const auto& [module, rule] : module_map()) {
    for (const auto& used : rule.may_use) {
      EXPECT_TRUE(module_map().count(used)) << module << " uses " << used << ", which has no row";
      EXPECT_NE(used, module) << module;
    }
  }
}

// A wrong include is caught: core may use nothing, a module may not reach into another's detail/,
// and neither may the command line.
TEST(ModuleMap, AWrongIncludeFails) {
  const std::vector<Include> wrong{
      {"src/kaigo/core/date.cpp", 3, "kaigo/store/database.hpp"},
      {"src/kaigo/review/review.cpp", 7, "kaigo/settlement/settle.hpp"},
      {"src/kaigo/settlement/rereview.cpp", 9, "kaigo/review/detail/plan_match.hpp"},
      {"tools/kaigo/cmd_review.cpp", 5, "kaigo/store/detail/sqlite.hpp"},
      {"src/kaigo/newthing/x.cpp", 1, "kaigo/core/date.hpp"},
  };
  EXPECT_EQ(violations(module_map(), wrong),
            (std::vector<std::string>{
                "src/kaigo/core/date.cpp:3: core may not include kaigo/store/database.hpp (module_map.tsv: core does "
                "not use store)",
                "src/kaigo/review/review.cpp:7: review may not include kaigo/settlement/settle.hpp (module_map.tsv: "
                "review does not use settlement)",
                "src/kaigo/settlement/rereview.cpp:9: kaigo/review/detail/plan_match.hpp is private to review",
                "tools/kaigo/cmd_review.cpp:5: kaigo/store/detail/sqlite.hpp is private to store",
                "src/kaigo/newthing/x.cpp:1: module newthing is not in module_map.tsv",
            }));
  // Inside its own module, and in its own detail/, anything of the module goes.
  EXPECT_EQ(violations(module_map(), {{"src/kaigo/review/detail/claim_review.cpp", 2, "kaigo/review/detail/plan_match.hpp"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace kaigo::testing
