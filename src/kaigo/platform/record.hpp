// platform/record — one person's information in the 介護情報基盤: who (保険者番号 + 被保険者番号)
// and each record as a chain of versions (新規, 更新, 削除), so that a correction never erases what
// was shown before (the audit names the version ids each reader saw).
// Owns: those values. Must not: know storage or who may see them.
#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/platform/kinds.hpp"

namespace kaigo::platform {

// 介護保険者番号 + 介護保険被保険者番号: the person's keys in one municipality.
using master::PersonId;

// Both keys well formed (auth's shapes).
bool is_person_id(const PersonId& key);

// One version of one record (介護情報): a row of a linkage file, an opinion a doctor sent, a
// consent or a 届出 registered on the platform.
struct Record {
  std::int64_t id = 0;  // the version's id (unique, increasing)
  PersonId person;
  std::string kind;       // KindSpec::name
  std::string record_id;  // the sender's id of the record (the same across its versions)
  int version = 1;        // 1, 2, … (履歴番号)
  UpdateKind update = UpdateKind::New;
  Date effective_on;
  std::string data;    // the kind's columns as one JSON object (canonical text; never a My Number)
  std::string source;  // "linkage:<file id>", "doctor:<user>", "municipality:<user>", …
  LocalDateTime recorded_at;
  bool deleted() const { return update == UpdateKind::Delete; }
};

}  // namespace kaigo::platform
