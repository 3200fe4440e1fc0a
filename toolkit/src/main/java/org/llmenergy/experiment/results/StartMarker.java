package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.Cell;

/**
 * A line a sweep appends (and syncs) just before it runs a cell. A marker whose cell has no finishing record
 * (every repeat, or a failure) means the process died inside the cell: killed for memory, by a signal it could
 * not catch, or by a power cut. On resume such a cell is recorded as {@link org.llmenergy.experiment.protocol.CellFailure.Kind#CRASHED} instead of
 * being run into the same death again, unless retries of crashed cells are asked for.
 *
 * <p>Markers are not results records: {@link ResultsReader} lists them apart ({@link ResultsFile#markers()}),
 * and readers of records never see them.
 *
 * @param schema    {@link ResultRecord#SCHEMA}
 * @param type      always {@value ResultRecord#STARTED}
 * @param specHash  the spec's hash
 * @param cellIndex the cell's position in the spec's order
 * @param cellKey   the cell's key
 * @param shard     the shard that ran it, {@code i/n}
 * @param startedAt ISO-8601 instant the cell started
 */
public record StartMarker(int schema, String type, String specHash, int cellIndex, String cellKey, String shard,
                          String startedAt) {
    public static StartMarker of(String specHash, int cellIndex, Cell cell, String shard, String startedAt) {
        return new StartMarker(ResultRecord.SCHEMA, ResultRecord.STARTED, specHash, cellIndex, cell.key(), shard,
                startedAt);
    }
}
