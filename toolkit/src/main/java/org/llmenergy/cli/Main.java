package org.llmenergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code llm-energy} command. Each subcommand lives in its own class and only parses, calls the library
 * and prints.
 */
@Command(name = "llm-energy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure and model the energy of LLM inference (Fernandez et al., ACL 2025).",
        subcommands = {
                DatasetsCommand.class,
                WorkloadCommand.class,
                MeasureCommand.class,
                RunCommand.class,
                SweepCommand.class,
                ResultsCommand.class,
                EstimateCommand.class,
                SimulateCommand.class,
                CalibrateCommand.class,
                ValidateCommand.class,
                ImpactsCommand.class,
                WhatIfCommand.class,
                ReproduceCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the CLI and exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the CLI without exiting, for tests and notebooks.
     *
     * @return the exit code: 0 success, 1 a reported error, 2 a usage error
     */
    public static int execute(String... args) {
        // Before any command can load libtorch: its OpenMP threads must not spin (CPU-time energy counts spinning).
        org.llmenergy.inference.WaitPolicy.apply();
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }
}
