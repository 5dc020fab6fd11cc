// precheck/record_checks — the record-level rules of the tables: item rules (required items, code
// values, dates in the month, day counts), record combinations per 様式 and 順次番号, duplicate lines.
// Owns: evaluating rules/items.tsv, structure.tsv and duplicates.tsv. Must not: look at ledgers or
// amounts (master_checks, amount_checks).
#pragma once
#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/detail/env.hpp"

namespace kaigo::precheck {

// The item rules of one record. `facts` and `doc` are null for the control record.
void check_item_rules(const CheckEnv& env, RuleFamily family, const exchange::Record& record, const DocFacts* facts,
                      const DocInfo* doc, Level level);

// Record combinations and 順次番号 of one document (copy); returns false when something is
// missing or misnumbered (its amounts are then not recomputed).
bool check_structure(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts, const DocInfo& info);

// Duplicate lines inside one document (copy) — ANNL / ANNK; returns false when there are some.
bool check_duplicates(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts, const DocInfo& info);

}  // namespace kaigo::precheck
