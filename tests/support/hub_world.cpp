#include "support/hub_world.hpp"

#include <algorithm>
#include <stdexcept>

namespace kaigo::testing {

HubWorld::HubWorld(double error_rate)
    : month_(error_rate, 10, 80),
      settings_(month_.db().settings()),
      world_(store::load_tables_in_force(month_.db())),
      store_(month_.db()) {
  key_ = std::make_unique<careplan::SealingKey>(
      careplan::SealingKey::from_file(careplan::key_path(settings_.careplan, month_.db_path()), true));
  hub_ = std::make_unique<careplan::Hub>(careplan::Hub{store_, world_.offices, *key_, settings_});
}

auth::User HubWorld::office(const std::string& office_no) {
  auth::User u;
  u.id = "KJ" + office_no;
  u.role = auth::Role::Office;
  u.offices = {office_no};
  return u;
}

careplan::Licence HubWorld::license(const std::string& office_no, const char* applied_on) {
  auto day = Date::parse(applied_on).value();
  auto r = careplan::apply_licence(store_, world_.offices, office_no, day, {day, 9, 0, 0}, "", settings_);
  if (!r.licence) throw std::runtime_error("licence refused: " + r.refusals.at(0).to_string());
  return *r.licence;
}

std::vector<std::filesystem::path> HubWorld::files(const std::string& kind) const {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(month_.dir() / "month" / "careplan")) {
    if (e.is_regular_file() && e.path().filename().string().starts_with(kind + "_")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path HubWorld::file(const std::string& kind, const std::string& sender, const std::string& receiver) const {
  for (const auto& f : files(kind)) {
    auto name = careplan::parse_file_name(f.filename().string()).name.value();
    if (name.sender.office_no == sender && name.receiver.office_no == receiver) return f;
  }
  throw std::logic_error("no such care-plan file: " + kind + " " + sender + " → " + receiver);
}

careplan::Upload HubWorld::upload(const std::filesystem::path& path) {
  return {path.filename().string(), read_file(path)};
}

}  // namespace kaigo::testing
