#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "common/errors.hpp"
#include "inspect/inspection.hpp"

namespace edusync::cli {
namespace {

struct InspectOptions {
  inspect::Request request;
  bool json = false;
};

int run_inspect(const InspectOptions& options) {
  try {
    const auto inspection = inspect::inspect_files(options.request);
    if (options.json) {
      std::cout << inspect::to_json(inspection).dump(2) << '\n';
    } else {
      inspect::print_text(inspection, std::cout);
    }
    return kDone;
  } catch (const InputError& error) {
    std::cerr << "edusync inspect : " << error.what() << '\n';
    return kInputError;
  }
}

}  // namespace

void register_inspect(CLI::App& app, Command& command) {
  auto options = std::make_shared<InspectOptions>();
  options->request.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* sub = app.add_subcommand(
      "inspect", "Lit des exports SIECLE / STS-web et affiche ce qu'ils contiennent");
  sub->add_option("files", options->request.files, "Fichiers .xml ou .zip")->required();
  sub->add_option("--uai", options->request.uais,
                  "UAI attendu (répétable pour une cité scolaire) ; par défaut celui du premier fichier");
  sub->add_flag("--json", options->json, "Sortie JSON (sources, totals, warnings, model)");
  sub->add_option("--today", options->request.today,
                  "Date du jour (AAAA-MM-JJ) pour un export sans date ; tests uniquement")
      ->group("");
  sub->callback([options, &command] { command.action = [options] { return run_inspect(*options); }; });
}

}  // namespace edusync::cli
