// month/results_folder — a results folder written the way a database writes: everything goes into a
// fresh hidden folder beside DIR, which takes DIR's place by rename only when it is complete, so a
// killed or failed run (disk full, a PDF that cannot be printed) leaves nothing that looks finished
// and never mixes two runs. DIR may be missing, empty, or an earlier kaigo results folder (which
// is replaced whole); any other folder with files in it is refused, untouched.
// Owns: that folder swap and the folder's permissions. Must not: know what goes in it.
#pragma once
#include <filesystem>
#include <string>

namespace kaigo::month {

class ResultsFolder {
 public:
  // Checks DIR and makes the fresh folder (0700, or 0750 with `group`); throws std::runtime_error
  // (Japanese / English) when DIR is a foreign folder or the folder cannot be made. Leftovers of
  // earlier killed runs beside DIR are removed.
  ResultsFolder(std::filesystem::path dir, bool group);
  // Removes the fresh folder unless published.
  ~ResultsFolder();
  ResultsFolder(const ResultsFolder&) = delete;
  ResultsFolder& operator=(const ResultsFolder&) = delete;

  // Where to write.
  const std::filesystem::path& staging() const { return staging_; }
  // Marks the folder as kaigo's and puts it in DIR's place (an earlier results folder goes).
  void publish();

 private:
  std::filesystem::path dir_;
  std::filesystem::path staging_;
  bool published_ = false;
};

// The file that marks a folder as written by kaigo results (so that it may be replaced).
inline constexpr const char* kResultsMarker = ".kaigo-results";

}  // namespace kaigo::month
