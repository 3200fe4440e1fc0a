package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy estimate}: placeholder until issue 6 lands; it says so and exits non-zero. */
@Command(name = "estimate", description = "(not yet available: issue 6)")
final class EstimateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy estimate: not yet available (issue 6)");
        return 2;
    }
}
