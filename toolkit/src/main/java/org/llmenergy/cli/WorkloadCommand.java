package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy workload}: placeholder until issue 2 lands; it says so and exits non-zero. */
@Command(name = "workload", description = "(not yet available: issue 2)")
final class WorkloadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy workload: not yet available (issue 2)");
        return 2;
    }
}
