package org.llmenergy.data;

import java.nio.file.Path;

/** A file's sha256 differs from the catalog's; the message names the file and both hashes. */
public final class ChecksumMismatchException extends DatasetException {
    private final Path file;
    private final String expected;
    private final String actual;

    public ChecksumMismatchException(Path file, String expected, String actual) {
        this(file, expected, actual, "sha256 mismatch for " + file + ": expected " + expected + ", got " + actual
                + " (the file is corrupt, truncated or a different version; delete it or fix the mirror)");
    }

    /** @param message the full message, which must name the file and both hashes */
    public ChecksumMismatchException(Path file, String expected, String actual, String message) {
        super(message);
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the file that failed the check */
    public Path file() { return file; }

    /** @return the catalog's sha256, lower-case hex */
    public String expected() { return expected; }

    /** @return the file's sha256, lower-case hex */
    public String actual() { return actual; }
}
