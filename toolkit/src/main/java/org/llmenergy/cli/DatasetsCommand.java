package org.llmenergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llm-energy datasets}: the catalog, fetching and verification. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"The dataset catalog: list it, fetch datasets (mirror, cache, else download), verify sha256s.",
                "Mirror: LLM_ENERGY_DATASETS_MIRROR; cache: LLM_ENERGY_CACHE (default <repo>/.cache/datasets); "
                        + "LLM_ENERGY_OFFLINE=1 forbids downloads."},
        subcommands = {DatasetsListCommand.class, DatasetsFetchCommand.class, DatasetsVerifyCommand.class})
final class DatasetsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }
}
