package org.llmenergy.experiment.results;

/**
 * A line of a results file that was not read as a record.
 *
 * @param file   the file
 * @param line   1-based line number
 * @param reason why, for example a torn last line
 */
public record SkippedLine(String file, int line, String reason) {
    @Override
    public String toString() { return file + ":" + line + ": skipped: " + reason; }
}
