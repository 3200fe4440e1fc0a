package org.llmenergy.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks files against their sha256, remembering for the life of the JVM which (path, size, modification
 * time) already passed, so a notebook that reads the same trace ten times hashes it once. A file that
 * changes size or mtime is hashed again; nothing is persisted, so a new JVM always re-checks.
 */
final class VerifiedFiles {
    private record Key(Path path, long size, long mtimeNanos) {}

    private static final Map<Key, String> PASSED = new ConcurrentHashMap<>();

    private VerifiedFiles() {}

    /**
     * @throws ChecksumMismatchException when the file's sha256 is not {@code expected}
     */
    static void check(Path file, String expected) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        Key key = new Key(real, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        if (expected.equals(PASSED.get(key))) return;
        String actual = Sha256.of(real);
        if (!actual.equals(expected)) throw new ChecksumMismatchException(file, expected, actual);
        PASSED.put(key, actual);
    }

    /** Forgets every earlier check (tests). */
    static void forget() { PASSED.clear(); }
}
