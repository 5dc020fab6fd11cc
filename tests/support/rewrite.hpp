// A Sink that writes back what the reader gives it — the round-trip check shared by the reader,
// fixture and generator tests — and keeps the Diagnostics and document codes it saw.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"

namespace kaigo::testing {

struct Rewrite : exchange::Sink {
  std::unique_ptr<exchange::Writer> writer;
  std::vector<Diagnostic> diags;
  std::set<std::string> codes;
  void on_control(const exchange::ControlRecord& c) override {
    writer = std::make_unique<exchange::Writer>(exchange::ControlFields::from_items(c.items));
  }
  void on_document(const exchange::Document& d) override {
    codes.insert(d.code);
    for (const auto& r : d.records()) writer->add(r.items);
  }
  void on_diagnostic(const Diagnostic& d) override { diags.push_back(d); }
};

}  // namespace kaigo::testing
