package org.llmenergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llm-energy workload}: statistics and binning of request traces. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Length statistics and the paper's (input, output) binning of request traces.",
        subcommands = {WorkloadStatsCommand.class, WorkloadBinsCommand.class})
final class WorkloadCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }
}
