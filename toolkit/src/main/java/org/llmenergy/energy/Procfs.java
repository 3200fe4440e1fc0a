package org.llmenergy.energy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parsers for the procfs files the CPU-time estimate reads; every error names the file and the field. */
final class Procfs {
    /** {@code _SC_CLK_TCK} in glibc's unistd.h (Linux). */
    private static final int SC_CLK_TCK = 2;
    /** The kernel's USER_HZ on every mainstream Linux architecture, used when sysconf cannot be called. */
    static final long DEFAULT_CLOCK_TICKS = 100;

    private Procfs() {}

    /** The fields of {@code /proc/<pid>/stat} the estimate needs; times in clock ticks. */
    record PidStat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
        long ownTicks() { return utime + stime; }

        long childTicks() { return cutime + cstime; }
    }

    /**
     * Parses {@code /proc/<pid>/stat}. The command name (field 2) is in parentheses and may itself contain
     * spaces and parentheses, so fields are counted from the last ')'.
     */
    static PidStat parsePidStat(String text, Path file) {
        int close = text.lastIndexOf(')');
        int space = text.indexOf(' ');
        if (close < 0 || space < 0) throw new IllegalStateException(file + ": not a /proc/<pid>/stat line");
        String[] f = text.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state); field k is f[k - 3]
        if (f.length < 15) {
            throw new IllegalStateException(file + ": expected at least 17 fields, found " + (f.length + 2));
        }
        return new PidStat(field(text.substring(0, space), file, 1), field(f[1], file, 4), field(f[11], file, 14),
                field(f[12], file, 15), field(f[13], file, 16), field(f[14], file, 17));
    }

    /**
     * Busy clock ticks of all CPUs from the first line of {@code /proc/stat}: user + nice + system + irq +
     * softirq. Idle and iowait are not busy; steal is time the hypervisor gave to others; guest time is
     * already inside user.
     */
    static long parseMachineBusy(String text, Path file) {
        String first = text.lines().findFirst().orElse("");
        String[] f = first.trim().split("\\s+");
        if (f.length < 8 || !f[0].equals("cpu")) {
            throw new IllegalStateException(file + ", line 1: expected 'cpu user nice system idle iowait irq softirq …'");
        }
        return field(f[1], file, 1) + field(f[2], file, 2) + field(f[3], file, 3) + field(f[6], file, 6)
                + field(f[7], file, 7);
    }

    /** @return the first "model name" of a {@code /proc/cpuinfo} text, or null */
    static String cpuModel(String cpuinfo) {
        return cpuinfo.lines().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse(null);
    }

    /** @return the number of "processor" entries (logical CPUs) in a {@code /proc/cpuinfo} text */
    static int logicalCpus(String cpuinfo) {
        return (int) cpuinfo.lines().filter(l -> l.startsWith("processor")).count();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long field(String s, Path file, int index) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ", field " + index + ": expected an integer, found '" + s + "'");
        }
    }

    private interface LibC extends Library {
        long sysconf(int name);
    }

    /** @return clock ticks per second ({@code sysconf(_SC_CLK_TCK)}), {@value #DEFAULT_CLOCK_TICKS} if unavailable */
    static long clockTicks() {
        try {
            long t = Native.load("c", LibC.class).sysconf(SC_CLK_TCK);
            return t > 0 ? t : DEFAULT_CLOCK_TICKS;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return DEFAULT_CLOCK_TICKS;
        }
    }
}
