package org.llmenergy.data;

import java.net.URI;
import java.util.Objects;

/**
 * One file of a catalog entry.
 *
 * @param path   the file's path in the upstream repository or release, with '/' separators; also its place
 *               under {@code <mirror>/<id>/} and {@code <cache>/<id>/}
 * @param url    the canonical download URL
 * @param sha256 lower-case hex sha256, or null when none is published (the file then cannot be verified)
 * @param size   size in bytes, or null when unknown
 * @param rows   data rows (header excluded) for traces, or null when unknown or not a table
 */
public record DatasetFile(String path, URI url, String sha256, Long size, Long rows) {
    public DatasetFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("dataset file path must be relative, '/'-separated, without '..': "
                    + path);
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 of " + path + " is not 64 hex digits: " + sha256);
            }
        }
    }

    /** @return true when a sha256 is known, so the file can be verified */
    public boolean hasChecksum() { return sha256 != null; }
}
