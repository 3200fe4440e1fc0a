package org.llmenergy.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Measures a child process from start to end: the way to measure engines written in other languages (vLLM,
 * Hugging Face Transformers) with this toolkit. The child's stdin, stdout and stderr are this process's.
 */
public final class CommandMeasurement {

    /**
     * @param exitCode    the child's exit code
     * @param measurement the window from just before the child started to just after it exited
     * @param idle        the idle baseline measured before the child started, or null when none was asked for
     */
    public record Result(int exitCode, Measurement measurement, IdleBaseline idle) {}

    private CommandMeasurement() {}

    /**
     * @param meter       an open meter; for the CPU-time estimate open it with {@link CpuScope#CHILDREN} so the
     *                    child's CPU time is counted rather than this JVM's
     * @param command     the program and its arguments
     * @param idleSeconds seconds of idle baseline to measure first; 0 for none
     * @param keepSeries  whether the measurement keeps its power time series
     */
    public static Result run(EnergyMeter meter, List<String> command, double idleSeconds, boolean keepSeries) {
        Objects.requireNonNull(meter, "meter");
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("no command to measure");
        if (idleSeconds < 0) throw new IllegalArgumentException("idle seconds must be >= 0, was " + idleSeconds);
        IdleBaseline idle = idleSeconds > 0 ? meter.measureIdle(idleSeconds) : null;
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Window w = meter.begin("command", keepSeries);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            w.cancel();
            throw new UncheckedIOException("cannot start '" + command.get(0) + "': " + e.getMessage(), e);
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            w.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for '" + command.get(0) + "'", e);
        }
        return new Result(code, w.end(), idle);
    }
}
