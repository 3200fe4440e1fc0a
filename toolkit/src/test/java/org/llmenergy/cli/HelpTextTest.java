package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders cleanly. picocli passes descriptions through String.format, so a bare
 * "90 % interval" is read as the conversion "% i" and the help prints a "picocli WARN" line (it did for
 * calibrate, estimate, impacts, simulate and what-if).
 */
class HelpTextTest {

    private static void collect(CommandLine c, List<String> path, List<List<String>> into) {
        for (var e : c.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            into.add(p);
            collect(e.getValue(), p, into);
        }
    }

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), List.of(), commands);
        assertTrue(commands.size() >= 14, "subcommands found: " + commands);
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), c + ": " + run.err());
            assertFalse((run.out() + run.err()).contains("picocli WARN"), c + ":\n" + run.err());
            assertFalse(run.out().contains("%n"), c + " shows a raw %n:\n" + run.out());
        }
    }
}
