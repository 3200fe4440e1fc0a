package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.ExperimentJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Appends records to a JSON Lines results file so that each is written whole or not at all:
 * the record is serialised to one line in memory, written with one write on a channel opened in append
 * mode, then {@code force(true)} (fsync) before {@link #append} returns. A process killed at any moment
 * therefore leaves every record whose append returned, and at worst a torn last line without its newline.
 *
 * <p>On open, a file that does not end in a newline (a torn last line) gets one, so the next record starts on a
 * line of its own and the torn fragment stays a separate line that readers report and skip. The writer holds
 * an exclusive lock on the file while open, so two sweeps cannot interleave records in one file; on a file
 * system without lock support (some network file systems) it writes unlocked ({@link #locked()} is false).
 */
public final class ResultsWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileChannel reader;
    private final FileLock lock;

    private ResultsWriter(Path file, FileChannel channel, FileChannel reader, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.reader = reader;
        this.lock = lock;
    }

    /**
     * @param file the results file; created (with its folders) when absent
     * @return a writer appending to it
     * @throws IOException when the file cannot be opened, or another process holds it
     */
    public static ResultsWriter open(Path file) throws IOException {
        // A merge moves a new file over the path while it holds the old one's lock; a writer that opened the old
        // file just before would then lock an unlinked file and lose every record. Reopen until path and lock agree.
        for (int attempt = 0; ; attempt++) {
            Object before = fileKey(file);
            ResultsWriter w = openOnce(file);
            // Same file under the path before opening and after locking: no move happened in between, and none
            // can happen now, since a merge needs this lock first.
            if (w.lock == null || before == null || before.equals(fileKey(file))) return w;
            w.close();
            if (attempt == 4) throw new IOException(file + " keeps being replaced while opening it; is a merge running?");
        }
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static ResultsWriter openOnce(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        boolean existed = Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock;
        boolean heldElsewhere;
        try {
            lock = channel.tryLock();
            heldElsewhere = lock == null;
        } catch (OverlappingFileLockException e) {
            lock = null;
            heldElsewhere = true;
        } catch (IOException e) {
            // The file system cannot lock (for example NFS without a lock daemon): go on unlocked; shards write
            // separate files, so the lock only guards against running the same shard twice.
            lock = null;
            heldElsewhere = false;
        }
        if (heldElsewhere) {
            channel.close();
            throw new IOException(file + " is being written by another sweep (locked); use another --out");
        }
        // The channel that reads the last byte stays open as long as the writer: closing a second channel on the
        // file drops this process's fcntl lock with it (POSIX), which let a merge replace the file under a sweep.
        FileChannel reader;
        try {
            reader = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ResultsWriter w = new ResultsWriter(file, channel, reader, lock);
        try {
            w.terminateTornLine();
            if (!existed && parent != null) syncDirectory(parent);
        } catch (IOException e) {
            w.close();
            throw e;
        }
        return w;
    }

    private void terminateTornLine() throws IOException {
        long size = channel.size();
        if (size == 0) return;
        ByteBuffer last = ByteBuffer.allocate(1);
        reader.read(last, size - 1);
        if (last.get(0) != '\n') {
            writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
            channel.force(true);
        }
    }

    /** Makes the new file's directory entry durable too (matters after a power cut, not after a kill). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; the file's own fsync still holds its data.
        }
    }

    /**
     * Appends one record and syncs it to disk.
     *
     * @param record the record
     * @throws IOException when writing or syncing fails
     */
    public void append(ResultRecord record) throws IOException {
        byte[] json;
        try {
            json = ExperimentJson.mapper().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise the record of cell " + record.cellKey() + ": " + e.getMessage(), e);
        }
        appendLine(json);
    }

    /**
     * Appends one line (a complete JSON value without newlines) and syncs it.
     *
     * @param json the line's UTF-8 bytes, without the newline
     * @throws IOException when writing or syncing fails
     */
    public void appendLine(byte[] json) throws IOException {
        for (byte b : json) {
            if (b == '\n' || b == '\r') throw new IllegalArgumentException("a results line cannot contain a line break");
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        writeFully(line);
        channel.force(true);
    }

    /** @see #appendLine(byte[]) */
    public void appendLine(String json) throws IOException { appendLine(json.getBytes(StandardCharsets.UTF_8)); }

    private void writeFully(ByteBuffer buffer) throws IOException {
        // One write() for a whole line in practice; the loop only guards against a short write.
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    /** @return true when this writer holds an exclusive lock on the file */
    public boolean locked() { return lock != null; }

    /** @return the file written */
    public Path file() { return file; }

    @Override
    public void close() throws IOException {
        try {
            if (lock != null && lock.isValid()) lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                reader.close();
            }
        }
    }
}
