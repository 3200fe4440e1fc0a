package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy run}: placeholder until issue 4 lands; it says so and exits non-zero. */
@Command(name = "run", description = "(not yet available: issue 4)")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy run: not yet available (issue 4)");
        return 2;
    }
}
