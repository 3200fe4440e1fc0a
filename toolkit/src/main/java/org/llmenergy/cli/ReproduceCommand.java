package org.llmenergy.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.llmenergy.reproduce.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code llm-energy reproduce}: runs the paper's analyses on the embedded default and writes the HTML report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's tables and figures into an offline HTML report.")
final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out/report")
    Path out;

    @Option(names = "--quick", description = "A smaller run for a first look (fewer cells and repeats).")
    boolean quick;

    @Option(names = "--trace", split = ",", description = "Traces to model (catalog ids or paths; default: "
            + "azure-conv-2023,azure-code-2023).")
    List<String> traces;

    @Override
    public Integer call() {
        var options = new Reproduction.Options(out, quick, traces == null ? Reproduction.Options.DEFAULT_TRACES : traces);
        new Reproduction(options, line -> System.err.println("reproduce: " + line)).run();
        return 0;
    }
}
