#include "commands.hpp"

namespace kaigo::cli {

int run(int argc, char** argv) {
  CLI::App app{"kaigo — 介護保険 請求・審査・支払 / long-term-care insurance claims hub"};
  app.require_subcommand(1);
  int status = 0;
  register_inspect(app, status);
  register_gen(app, status);
  register_init(app, status);
  register_load(app, status);
  register_precheck(app, status);
  register_submit(app, status);
  register_cancel(app, status);
  register_review(app, status);
  register_results(app, status);
  register_kago(app, status);
  register_rereview(app, status);
  register_stats(app, status);
  register_render(app, status);
  register_user(app, status);
  register_ca(app, status);
  register_cert(app, status);
  register_audit(app, status);
  register_month(app, status);
  register_careplan(app, status);
  register_subsidy(app, status);
  register_portal(app, status);
  register_platform(app, status);
  register_serve(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return status;
}

}  // namespace kaigo::cli
