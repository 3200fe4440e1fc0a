package org.llmenergy.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Memory this process can still allocate on the host: the smaller of {@code MemAvailable} in
 * {@code /proc/meminfo} and the headroom of its memory cgroup, since Slurm's {@code --mem} and container
 * limits are cgroup limits that {@code MemAvailable} does not see. Cgroup v2: {@code memory.max} minus
 * {@code memory.current}; v1: {@code memory.limit_in_bytes} minus {@code memory.usage_in_bytes}; the
 * process's own cgroup and every ancestor up to the mount count, since any of them can hold the limit.
 */
final class HostMemory {
    /** v1 writes "no limit" as a number near 2^63 (rounded down to a page). */
    private static final long UNLIMITED = 1L << 62;

    private final Path root;

    /** @param root the file-system root, {@code /} on a real host; a test folder laid out like it in tests */
    HostMemory(Path root) { this.root = root; }

    /** @return bytes available to this process, or empty when neither source can be read */
    OptionalLong available() {
        OptionalLong meminfo = memAvailable();
        OptionalLong cgroup = cgroupHeadroom();
        if (meminfo.isEmpty()) return cgroup;
        if (cgroup.isEmpty()) return meminfo;
        return OptionalLong.of(Math.min(meminfo.getAsLong(), cgroup.getAsLong()));
    }

    OptionalLong memAvailable() {
        try {
            for (String line : Files.readAllLines(root.resolve("proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** @return the smallest limit-minus-usage over this process's memory cgroup and its ancestors */
    OptionalLong cgroupHeadroom() {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve("proc/self/cgroup"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        long best = Long.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            boolean v2 = f[0].equals("0") && f[1].isEmpty();
            boolean v1 = List.of(f[1].split(",")).contains("memory");
            if (!v1 && !v2) continue;
            Path mount = root.resolve(v2 ? "sys/fs/cgroup" : "sys/fs/cgroup/memory");
            String limitFile = v2 ? "memory.max" : "memory.limit_in_bytes";
            String usageFile = v2 ? "memory.current" : "memory.usage_in_bytes";
            // In a container the mount often shows the process's cgroup as its root, not at the path named.
            Path dir = mount.resolve(f[2].replaceFirst("^/+", ""));
            if (!Files.isDirectory(dir)) dir = mount;
            for (Path d = dir; d != null && d.startsWith(mount); d = d.getParent()) {
                OptionalLong limit = number(d.resolve(limitFile));
                OptionalLong usage = number(d.resolve(usageFile));
                if (limit.isPresent() && limit.getAsLong() < UNLIMITED && usage.isPresent()) {
                    best = Math.min(best, Math.max(0, limit.getAsLong() - usage.getAsLong()));
                }
            }
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }

    private static OptionalLong number(Path file) {
        try {
            String s = Files.readString(file).trim();
            if (s.equals("max")) return OptionalLong.of(Long.MAX_VALUE);
            return OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
