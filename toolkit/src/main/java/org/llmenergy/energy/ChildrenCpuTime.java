package org.llmenergy.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the processes this JVM started and all their descendants, from procfs: the JVM's
 * {@code cutime + cstime} (children it has waited for, with everything they waited for) plus, for every
 * live descendant, its own and its waited-for children's time. A process that exits and is reaped moves
 * from the second term to its parent's first term, so nothing is counted twice; the self line is read
 * first, so a reap during a read can only undercount for an instant, which the monotonic clamp hides.
 * Orphans re-parented to init are lost (documented limitation).
 */
final class ChildrenCpuTime implements CpuTimeSource {
    private final Path procRoot;
    private final long ticks;
    private long lastNanos;

    ChildrenCpuTime(Path procRoot, long ticks) {
        this.procRoot = procRoot;
        this.ticks = ticks;
        cpuNanos();
    }

    @Override
    public synchronized long cpuNanos() {
        Path selfFile = procRoot.resolve("self").resolve("stat");
        Procfs.PidStat self = Procfs.parsePidStat(Procfs.read(selfFile), selfFile);
        Map<Long, List<Procfs.PidStat>> byParent = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                Path f = dir.resolve("stat");
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    continue; // the process exited between listing and reading
                }
                Procfs.PidStat s = Procfs.parsePidStat(text, f);
                byParent.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + procRoot + ": " + e.getMessage(), e);
        }
        long total = self.childTicks();
        List<Long> queue = new ArrayList<>(List.of(self.pid()));
        for (int i = 0; i < queue.size(); i++) {
            for (Procfs.PidStat child : byParent.getOrDefault(queue.get(i), List.of())) {
                if (child.pid() == self.pid() || queue.contains(child.pid())) continue;
                total += child.ownTicks() + child.childTicks();
                queue.add(child.pid());
            }
        }
        long nanos = total * 1_000_000_000L / ticks;
        lastNanos = Math.max(lastNanos, nanos);
        return lastNanos;
    }

    @Override public String describe() { return "CPU time of the processes this JVM started, and their descendants"; }

    @Override public double resolutionS() { return 1.0 / ticks; }
}
