package org.llmenergy.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures a child process from start to end: the way to measure engines written in other languages (vLLM,
 * Hugging Face Transformers) with this toolkit. The child's stdin, stdout and stderr are this process's.
 *
 * <p>SIGINT and SIGTERM sent to this process are forwarded to the child's process group; the measurement still
 * ends when the child exits and is marked interrupted. The child runs in a group of its own
 * ({@link ChildProcessGroup}), so processes it leaves running are found and reported: their CPU time is not in
 * a CPU-time estimate, since only waited-for children's time is.
 */
public final class CommandMeasurement {
    /** Grace for the group to stop after a forwarded signal, before it is killed. */
    private static final long GRACE_MS = 3000;

    /**
     * @param exitCode      the child's exit code (128 + N when killed by signal N)
     * @param measurement   the window from just before the child started to just after it exited
     * @param idle          the idle baseline measured before the child started, or null when none was asked for
     * @param interruptedBy the signal this process received and forwarded ({@code SIGINT}, {@code SIGTERM}), or
     *                      null when the child ran to its end undisturbed
     * @param survivors     pids of processes the command started that were still running when it exited
     */
    public record Result(int exitCode, Measurement measurement, IdleBaseline idle, String interruptedBy,
                         List<Long> survivors) {
        public Result {
            survivors = List.copyOf(survivors);
        }

        /** @return true when a forwarded signal ended the child */
        public boolean interrupted() { return interruptedBy != null; }

        /** @return the name of the signal that killed the child ({@code SIGTERM}, …), guessed from 128 + N, or null */
        public String signal() {
            if (exitCode <= 128 || exitCode > 128 + 64) return null;
            return ChildProcessGroup.SIGNALS.getOrDefault(exitCode - 128, "signal " + (exitCode - 128));
        }
    }

    /** A command that cannot be started; {@link #exitCode()} is what a shell would exit with. */
    public static final class NotRunnableException extends RuntimeException {
        private final int exitCode;

        NotRunnableException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        /** @return 127 for a command not found, 126 for one that is not executable */
        public int exitCode() { return exitCode; }
    }

    private CommandMeasurement() {}

    /**
     * @param meter       an open meter; for the CPU-time estimate open it with {@link CpuScope#CHILDREN} so the
     *                    child's CPU time is counted rather than this JVM's
     * @param command     the program and its arguments
     * @param idleSeconds seconds of idle baseline to measure first; 0 for none
     * @param keepSeries  whether the measurement keeps its power time series
     * @throws NotRunnableException when the program is not found (127) or not executable (126)
     */
    public static Result run(EnergyMeter meter, List<String> command, double idleSeconds, boolean keepSeries) {
        Objects.requireNonNull(meter, "meter");
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("no command to measure");
        if (idleSeconds < 0) throw new IllegalArgumentException("idle seconds must be >= 0, was " + idleSeconds);
        checkRunnable(command.get(0));
        IdleBaseline idle = idleSeconds > 0 ? meter.measureIdle(idleSeconds) : null;
        AtomicReference<ChildProcessGroup> child = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        Window w = meter.begin("command", keepSeries);
        ChildProcessGroup group;
        try (SignalForwarding ignored = SignalForwarding.install(name -> {
            received.compareAndSet(null, "SIG" + name);
            ChildProcessGroup g = child.get();
            if (g != null) g.signal(name);
        })) {
            try {
                group = ChildProcessGroup.start(command);
            } catch (IOException e) {
                w.cancel();
                throw new UncheckedIOException("cannot start '" + command.get(0) + "': " + e.getMessage(), e);
            }
            child.set(group);
            if (received.get() != null) group.signal(received.get().substring(3)); // arrived while starting
            int code = waitUninterruptibly(group.process());
            Measurement m = w.end();
            List<Long> survivors = group.survivors();
            if (received.get() != null && !survivors.isEmpty()) {
                // told to stop: what the command left running goes too, so nothing runs on unmeasured
                sleep(GRACE_MS, group, survivors);
            }
            return new Result(code, m, idle, received.get(), survivors);
        }
    }

    private static void sleep(long ms, ChildProcessGroup group, List<Long> survivors) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline && !group.survivors().isEmpty()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!group.survivors().isEmpty()) group.signal("KILL");
    }

    private static int waitUninterruptibly(Process p) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true; // the measurement must still end with the child
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Finds the program as a shell would; a shell's exit codes when it cannot run it. */
    static void checkRunnable(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            if (!Files.exists(p)) throw new NotRunnableException(program + ": no such file", 127);
            if (Files.isDirectory(p) || !Files.isExecutable(p)) {
                throw new NotRunnableException(program + ": not executable (" + (Files.isDirectory(p) ? "a directory"
                        : "no execute permission; chmod +x it, or run it through its interpreter") + ")", 126);
            }
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        boolean foundNotExecutable = false;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(p)) {
                if (Files.isExecutable(p)) return;
                foundNotExecutable = true;
            }
        }
        if (foundNotExecutable) throw new NotRunnableException(program + ": not executable (found on PATH without execute permission)", 126);
        throw new NotRunnableException(program + ": command not found on PATH", 127);
    }
}
