package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy datasets}: placeholder until issue 2 lands; it says so and exits non-zero. */
@Command(name = "datasets", description = "(not yet available: issue 2)")
final class DatasetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy datasets: not yet available (issue 2)");
        return 2;
    }
}
