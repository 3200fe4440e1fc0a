package org.llmenergy.data;

import java.nio.file.Path;

/**
 * The result of checking one local copy of a dataset file ({@code llm-energy datasets verify}).
 *
 * @param datasetId the catalog id
 * @param file      the catalog's description of the file
 * @param status    the outcome
 * @param origin    which copy was checked (mirror or cache), or null when no copy exists
 * @param location  the checked copy, or null when none exists
 * @param actual    the copy's sha256, or null when none exists
 */
public record FileCheck(String datasetId, DatasetFile file, Status status, ResolvedFile.Origin origin, Path location,
                        String actual) {

    /** Outcomes of a check. */
    public enum Status {
        /** the copy's sha256 equals the catalog's */
        OK("ok"),
        /** the copy's sha256 differs from the catalog's */
        MISMATCH("mismatch"),
        /** no sha256 is published; the copy exists but cannot be verified */
        NO_CHECKSUM("no-checksum"),
        /** neither the mirror nor the cache has the file */
        MISSING("missing"),
        /** a directory, a broken link or another non-file stands where the file should be */
        NOT_A_FILE("not-a-file");

        private final String label;

        Status(String label) { this.label = label; }

        /** @return a short lower-case label */
        public String label() { return label; }
    }
}
