package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy sweep}: placeholder until issue 5 lands; it says so and exits non-zero. */
@Command(name = "sweep", description = "(not yet available: issue 5)")
final class SweepCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy sweep: not yet available (issue 5)");
        return 2;
    }
}
