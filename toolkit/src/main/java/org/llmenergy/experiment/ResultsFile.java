package org.llmenergy.experiment;

import java.util.List;

/**
 * The readable content of one results file.
 *
 * @param file    the file
 * @param records its records, in file order
 * @param skipped lines that were not records (torn or unparseable), with line numbers
 */
public record ResultsFile(String file, List<StoredRecord> records, List<SkippedLine> skipped) {
    public ResultsFile {
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
    }
}
