// store/detail/stored_time — reading the dates and moments the store wrote as text (ISO forms).
// Owns: the rule that a stored value that does not parse reads as the zero date (rows the store
// wrote always parse; a hand-edited database must not crash a read). Must not: be used for input.
#pragma once
#include <string>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"

namespace kaigo::store {

inline LocalDateTime moment(const std::string& s) { return LocalDateTime::parse(s).value_or(LocalDateTime{}); }
inline Date day(const std::string& s) { return Date::parse(s).value_or(Date{}); }

}  // namespace kaigo::store
