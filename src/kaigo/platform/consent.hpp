// platform/consent — 包括同意 exactly by the three periods of seed 004 §3 (consent_periods.tsv):
// consent on an application of 2026-03-31 or earlier (old form, before the law) is not
// comprehensive consent; from 2026-04-01 consent on the new form is, and it reaches the platform
// once the municipality is live (the go-live gate of access); consent on the old form after that
// date is not (§9 No.5). Consent comes from the 同意欄 of each 要介護認定申請書 and from consent
// records (registered by the municipality or, after go-live, by a care manager, §8–9); it may be
// revoked; an application with 同意なし leaves none; and a 新規 application after the
// certification ended ends the earlier consent (§8 包括同意 No.7). While in force it covers
// earlier records too (§8 No.5).
// Owns: reading the state on a day from the person's records. Must not: know storage or roles.
#pragma once
#include <optional>
#include <span>
#include <string>

#include "kaigo/core/date.hpp"
#include "kaigo/platform/record.hpp"

namespace kaigo::platform {

struct ConsentState {
  bool in_force = false;
  std::string rule;           // rules.tsv id when not in force: consent-none, -before-2026-04, -old-form, -revoked, -lapsed
  std::optional<Date> since;  // the day of the event that made this state
  std::string record;         // "<kind>:<record_id>" of that event
};

// The 包括同意 on `day` from every version of the person's records (the latest version of each
// record counts; 削除 ones do not; events after `day` do not).
ConsentState consent_on(std::span<const Record> records, Date day);

// What a consent given on an application of `applied_on` on `form` (1 新様式, 2 旧様式) amounts
// to: nullopt when it is comprehensive consent, else the rule that says why not.
std::optional<std::string> consent_refusal(Date applied_on, std::string_view form);

}  // namespace kaigo::platform
