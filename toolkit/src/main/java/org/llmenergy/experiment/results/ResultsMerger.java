package org.llmenergy.experiment.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges results files (the shards of a Slurm array, or a resumed sweep's pieces) into one. Records are
 * deduplicated by identity (spec hash, cell key, repeat or "failure"), keeping the first in input order, and
 * written sorted by spec hash, cell index, cell key, measurements before failures, and repeat, so the output
 * does not depend on which shard finished first. Each record's line is copied verbatim. The output is written
 * to a temporary file, synced, then moved into place, so a killed merge leaves the old output intact; the new
 * file keeps the old one's permissions (a new output gets the umask's).
 *
 * <p>Merge holds an exclusive lock on its output and shared locks on its inputs from before reading until
 * after the move, and refuses when a running sweep holds one: moving a file over one a sweep appends to would
 * send the sweep's later records to the unlinked old file.
 */
public final class ResultsMerger {
    private static final Comparator<StoredRecord> ORDER = Comparator.comparing(StoredRecord::specHash)
            .thenComparingInt(StoredRecord::cellIndex)
            .thenComparing(StoredRecord::cellKey)
            .thenComparing(StoredRecord::isFailure)
            .thenComparingInt(r -> r.repeat() == null ? -1 : r.repeat());

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ResultsMerger() {}

    /**
     * @param out    the merged file; when it exists it must also be one of the inputs
     * @param inputs results files, in priority order for duplicates
     * @return counts and the skipped lines
     * @throws IOException              when reading or writing fails
     * @throws IllegalArgumentException when {@code out} exists but is not an input (it would be lost)
     * @throws IllegalStateException    when a running sweep holds a lock on the output or an input
     */
    public static MergeSummary merge(Path out, List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("merge needs at least one input file");
        if (Files.exists(out) && inputs.stream().noneMatch(p -> sameFile(p, out))) {
            throw new IllegalArgumentException(out + " exists and is not one of the inputs; list it as an input to"
                    + " merge into it, or choose another output");
        }
        for (Path in : inputs) {
            if (!Files.exists(in)) throw new IllegalArgumentException(in + ": no such results file");
            if (!Files.isRegularFile(in)) throw new IllegalArgumentException(in + ": not a regular file");
        }
        try (ResultsLocks locks = ResultsLocks.acquire(out, inputs)) {
            Map<String, StoredRecord> unique = new LinkedHashMap<>();
            Map<String, StoredRecord> markers = new LinkedHashMap<>();
            List<SkippedLine> skipped = new ArrayList<>();
            int read = 0;
            Set<Path> seenInputs = new HashSet<>();
            for (Path in : inputs) {
                if (!seenInputs.add(in.toAbsolutePath().normalize())) continue;
                ResultsFile f = ResultsReader.read(in);
                skipped.addAll(f.skipped());
                for (StoredRecord r : f.records()) {
                    read++;
                    unique.putIfAbsent(r.identity(), r);
                }
                // Start markers travel too, so a cell that crashed in a shard is still known as crashed on resume.
                for (StoredRecord m : f.markers()) markers.putIfAbsent(m.identity(), m);
            }
            List<StoredRecord> sorted = new ArrayList<>(unique.values());
            sorted.sort(ORDER);
            List<StoredRecord> lines = new ArrayList<>(markers.values());
            lines.sort(Comparator.comparing(StoredRecord::specHash).thenComparingInt(StoredRecord::cellIndex)
                    .thenComparing(m -> m.json().path("startedAt").asText()));
            lines.addAll(sorted);
            writeAtomically(out, lines);
            return new MergeSummary(read, read - sorted.size(), sorted.size(), skipped);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from)) return;
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the new file keeps the system's default permissions.
        }
    }

    private static void writeAtomically(Path out, List<StoredRecord> records) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes the file 0600, and the move would carry that mode over to the output.
        Path tmp = dir.resolve("." + out.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".merging");
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (StoredRecord r : records) {
                    o.write(r.text().getBytes(StandardCharsets.UTF_8));
                    o.write('\n');
                }
            }
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            keepPermissions(out, tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
