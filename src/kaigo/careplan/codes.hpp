// careplan/codes — the findings the care-plan checks report (CPnn), with their severity, short
// title, the usual cause and what to do, in Japanese and English (error_codes.tsv). The severity is
// data: where the standard is unsure, a rule can be made a warning without touching code.
// Owns: the Finding enumeration and its table. Must not: decide when a finding applies.
#pragma once
#include <span>
#include <string_view>

#include "kaigo/core/diagnostic.hpp"

namespace kaigo::careplan {

enum class Finding {
  BadName,             // CP01
  UnknownKind,         // CP02
  NameFormVersion,     // CP03
  Utf8,                // CP04
  InvalidBytes,        // CP05
  UnterminatedQuote,   // CP06
  BadQuote,            // CP07
  ItemCount,           // CP08
  EmptyFile,           // CP09
  LfLineEnd,           // CP10
  NoFinalNewline,      // CP11
  EmptyLine,           // CP12
  RecordTooLong,       // CP13
  HeaderRow,           // CP14
  UnknownVersion,      // CP20
  VersionNotForMonth,  // CP21
  MixedVersions,       // CP22
  VersionWithoutLayout,  // CP23
  SupersededVersion,   // CP24
  KindNotInVersion,    // CP25
  RequiredMissing,     // CP30
  Length,              // CP31
  NotNumeric,          // CP32
  BadDate,             // CP33
  BadCode,             // CP34
  BadCharacters,       // CP35
  BadFormat,           // CP36
  UnquotedText,        // CP37
  MonthMismatch,       // CP40
  SupplementLink,      // CP41
  TypeOutOfScope,      // CP42
  SameOffice,          // CP43
  NotCareManagerType,  // CP44
  DateOutsideMonth,    // CP50
  RentalWithoutCode,   // CP51
  DiscriminatorNotRental,  // CP52
  DayBeyondMonth,      // CP53
  HalfTimeless,        // CP54
  SubtotalValues,      // CP55
  NoGrandTotal,        // CP56
  GrandTotalOffice,    // CP57
  NoSubtotal,          // CP58
  SlotGap,             // CP59
  EmptyWeeklyRow,      // CP60
  DuplicateKey,        // CP61
  ActualNotSender,     // CP62
  UnrelatedPerson,     // CP63
  NotJpeg,             // CP70
};

struct FindingText {
  std::string_view code;
  Severity severity = Severity::Error;
  std::string_view title_ja;
  std::string_view title_en;
  std::string_view cause_ja;
  std::string_view action_ja;
  std::string_view cause_en;
  std::string_view action_en;
  std::string_view source;
};

// The row of error_codes.tsv for a finding; the table is checked at first use to hold exactly the
// findings above (std::runtime_error otherwise).
const FindingText& finding_text(Finding f);
// Every row, in table order; nullptr when the code is not in the table.
std::span<const FindingText> finding_texts();
const FindingText* finding_text(std::string_view code);

}  // namespace kaigo::careplan
