package org.llmenergy.data;

import java.nio.file.Path;

/**
 * A dataset file found on disk.
 *
 * @param datasetId the catalog id, or null for an explicit path outside the catalog
 * @param file      the catalog's description of the file, or null for an explicit path
 * @param path      where it is
 * @param origin    how it was found
 * @param verified  true when its sha256 was checked against the catalog; false when the catalog has no
 *                  sha256 for it or it is an explicit path
 */
public record ResolvedFile(String datasetId, DatasetFile file, Path path, Origin origin, boolean verified) {

    /** How a file was found, in resolution order. */
    public enum Origin {
        /** the caller named the file */
        EXPLICIT_PATH("path"),
        /** the read-only mirror folder */
        MIRROR("mirror"),
        /** the local cache, from an earlier download */
        CACHE("cache"),
        /** downloaded just now into the cache */
        DOWNLOAD("download");

        private final String label;

        Origin(String label) { this.label = label; }

        /** @return a short lower-case label */
        public String label() { return label; }
    }
}
