package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy measure}: placeholder until issue 3 lands; it says so and exits non-zero. */
@Command(name = "measure", description = "(not yet available: issue 3)")
final class MeasureCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy measure: not yet available (issue 3)");
        return 2;
    }
}
