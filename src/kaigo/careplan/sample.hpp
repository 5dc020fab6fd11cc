// careplan/sample — valid example files of every kind, written from the layout tables alone: each
// item gets a value of its 書式 (dates in the name's month, the offices of the name where the rules
// look for them, the first code of its code list, free text named after the item), and each
// person the rows the record rules ask for (a 第7表 全合計, slot 1 of the 補足 limits …).
// The committed fixtures of tests/fixtures/careplan/valid are these files; the fuzzer's seeds and
// the benchmark's big file come from here too.
// Must not: stand for real data.
#pragma once
#include <string>

#include "kaigo/careplan/file_name.hpp"

namespace kaigo::careplan {

// A v4.1 name of the kind: care-management office 1310000001 (43) and service office 1310000002
// (11), month 202505 where the kind has one, ファイル連番 20250420093000, 枝番 0001.
FileName sample_name(const FileKind& kind);

// The bytes of a valid file for `name` with `persons` persons (a JPEG stub for the image kind).
std::string sample_file(const FileName& name, int persons = 2);

}  // namespace kaigo::careplan
