package org.llmenergy.experiment.results;

import java.util.List;

/**
 * The readable content of one results file.
 *
 * @param file    the file
 * @param records its records, in file order
 * @param skipped lines that were not records (torn or unparseable), with line numbers
 * @param markers the {@link StartMarker} lines, in file order
 */
public record ResultsFile(String file, List<StoredRecord> records, List<SkippedLine> skipped,
                          List<StoredRecord> markers) {
    public ResultsFile {
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
        markers = List.copyOf(markers);
    }

    /**
     * @return the records of sweeps (measured repeats and failures): imported external measurements, which have no
     *         cell, are left out
     */
    public List<StoredRecord> sweepRecords() { return records.stream().filter(r -> !r.isExternal()).toList(); }

    /** A file without start markers. */
    public ResultsFile(String file, List<StoredRecord> records, List<SkippedLine> skipped) {
        this(file, records, skipped, List.of());
    }
}
