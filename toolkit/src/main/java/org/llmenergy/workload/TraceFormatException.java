package org.llmenergy.workload;

import java.nio.file.Path;
import org.llmenergy.io.FileFormatException;

/**
 * A trace file could not be read as its format says. The message names the file, the line (1-based) and,
 * when one is to blame, the column, in the toolkit's one format ({@code file:line:col (ContextTokens): ...}, see
 * {@link FileFormatException}). A read that throws this produced no result: callers must discard anything they
 * accumulated from it.
 */
public final class TraceFormatException extends FileFormatException {
    private final transient Path file;

    /**
     * @param file   the trace
     * @param line   1-based line, or 0 when the problem is the file as a whole
     * @param column the column's name, or null
     * @param index  the column's 1-based position, or 0 when unknown
     * @param reason what is wrong
     */
    public TraceFormatException(Path file, long line, String column, int index, String reason) {
        super(file.toString(), line, index, column, reason);
        this.file = file;
    }

    /**
     * @param file  the trace
     * @param cause the CSV reader's error about it
     * @return the same error as a trace error
     */
    static TraceFormatException of(Path file, FileFormatException cause) {
        if (cause instanceof TraceFormatException t) return t;
        TraceFormatException t = new TraceFormatException(file, cause.line(), cause.field(), cause.position(),
                cause.reason());
        t.initCause(cause);
        return t;
    }

    /** @return the trace file */
    public Path file() { return file; }

    /** @return the column's name, or null */
    public String column() { return field(); }
}
