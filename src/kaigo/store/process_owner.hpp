// store/process_owner — who owns work in flight: a token naming this process (boot, pid and the
// process's start time, so a reused pid is not mistaken for the old process), and whether the
// process a token names still runs. A file left 受付中 or a month job whose owner no longer runs
// was interrupted (kill -9, power loss) and may be recovered, once.
// Owns: that identity (Linux /proc). Must not: decide what recovery does.
#pragma once
#include <string>
#include <string_view>

namespace kaigo::store {

// This process: "<boot id>/<pid>/<start time in clock ticks>".
const std::string& process_owner();

// Whether the process named by `owner` is running now (false for an empty or malformed token, a
// different boot, a pid that is gone or now belongs to another process).
bool process_alive(std::string_view owner);

}  // namespace kaigo::store
