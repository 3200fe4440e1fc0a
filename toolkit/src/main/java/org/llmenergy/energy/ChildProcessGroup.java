package org.llmenergy.energy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The measured command's process group. The command is started through {@code setsid}, which execs it in
 * place as the leader of a new session and group (its pid is the group id), so that a signal can reach it and
 * everything it started, and so that what it leaves running can be found afterwards: an orphan keeps its group
 * even when its parent is gone. Without {@code setsid} (not a Linux with util-linux) the command runs in this
 * process's group and only the command itself is signalled.
 */
final class ChildProcessGroup {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Process process;
    private final boolean ownGroup;

    private ChildProcessGroup(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /** Starts {@code command} (already resolved) in a group of its own where possible. */
    static ChildProcessGroup start(List<String> command) throws IOException {
        Path setsid = SETSID.stream().filter(Files::isExecutable).findFirst().orElse(null);
        List<String> argv = new ArrayList<>();
        if (setsid != null) argv.add(setsid.toString());
        argv.addAll(command);
        return new ChildProcessGroup(new ProcessBuilder(argv).inheritIO().start(), setsid != null);
    }

    Process process() { return process; }

    /** Sends {@code signal} (a name such as {@code TERM}) to the whole group, or to the command alone. */
    void signal(String signal) {
        String target = ownGroup ? "-" + process.pid() : Long.toString(process.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", target)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            if (signal.equals("KILL")) process.destroyForcibly();
            else process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return pids of processes still in the command's group (started by it, outliving it); empty without a group */
    List<Long> survivors() {
        if (!ownGroup) return List.of();
        return members(Path.of("/proc"), process.pid());
    }

    /** @return pids under {@code proc} whose process group (field 5 of {@code stat}) is {@code pgid} */
    static List<Long> members(Path proc, long pgid) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path d : dirs) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    // the command name in parentheses may hold spaces: fields count from the last ')'
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (f.length > 2 && Long.parseLong(f[2]) == pgid && !f[0].equals("Z")) {
                        pids.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        pids.sort(null);
        return pids;
    }

    /** Signal names by number, for an exit code of 128 + N. */
    static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 14, "SIGALRM", 15, "SIGTERM");
}
