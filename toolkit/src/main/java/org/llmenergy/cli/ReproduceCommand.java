package org.llmenergy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code llm-energy reproduce}: placeholder until issue 6 lands; it says so and exits non-zero. */
@Command(name = "reproduce", description = "(not yet available: issue 6)")
final class ReproduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llm-energy reproduce: not yet available (issue 6)");
        return 2;
    }
}
