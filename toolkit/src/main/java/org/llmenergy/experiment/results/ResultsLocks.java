package org.llmenergy.experiment.results;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Locks a merge holds on its output (exclusive) and its inputs (shared) while it reads them and moves the merged
 * file into place. A sweep's {@link ResultsWriter} holds an exclusive lock on its file, so a merge refuses to
 * touch a file a running sweep appends to: renaming over it would send the sweep's later records to an unlinked
 * file. Locks are advisory {@code fcntl} locks; on a file system that cannot lock, merge goes on unlocked, as the
 * writer does.
 */
final class ResultsLocks implements AutoCloseable {
    private final List<FileChannel> channels = new ArrayList<>();

    private ResultsLocks() {}

    /**
     * @param out    the merge's output, locked exclusively when it exists
     * @param inputs the inputs, locked shared (the output among them is locked once, exclusively)
     * @return the held locks
     * @throws IllegalStateException naming the file when a sweep (or another merge) holds a lock on one
     * @throws IOException           when a file cannot be opened
     */
    static ResultsLocks acquire(Path out, List<Path> inputs) throws IOException {
        ResultsLocks locks = new ResultsLocks();
        Set<Object> held = new HashSet<>();
        try {
            if (Files.exists(out)) locks.lock(out, false, held);
            for (Path in : inputs) if (Files.isRegularFile(in)) locks.lock(in, true, held);
        } catch (IOException | RuntimeException e) {
            locks.close();
            throw e;
        }
        return locks;
    }

    private void lock(Path file, boolean shared, Set<Object> held) throws IOException {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        if (key == null) key = file.toRealPath();
        if (!held.add(key)) return;
        FileChannel c = shared ? FileChannel.open(file, StandardOpenOption.READ)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channels.add(c);
        FileLock lock;
        try {
            lock = c.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            return; // no lock support (some network file systems): go on unlocked, as ResultsWriter does
        }
        if (lock == null) {
            throw new IllegalStateException(file + " is locked by a running sweep (or merge) writing to it; wait"
                    + " for it to finish, or stop it, then merge again (merging now would lose its later records)");
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel c : channels) {
            try {
                c.close(); // releases the lock with it
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        channels.clear();
        if (first != null) throw first;
    }
}
