package org.llmenergy.experiment;

/**
 * One line of a results file: a measured repeat of a cell, or the failure of a cell. Each record is
 * complete on its own (no record refers to another), so files can be sharded, merged and filtered freely.
 *
 * <p>JSON field names are the component names; {@code schema} is {@value #SCHEMA}. A cell is finished when
 * all its repeats 0 … repeats − 1, or a failure record, are present for its spec hash and cell key.
 *
 * @param schema      the results schema version, {@value #SCHEMA}
 * @param type        {@value #MEASUREMENT} or {@value #FAILURE}
 * @param specHash    {@link SweepSpec#hash()}
 * @param specName    the spec's name
 * @param cellIndex   the cell's position in the spec's cell order (shards partition by it)
 * @param cellKey     {@link Cell#key()}
 * @param cell        the cell
 * @param repeat      the repeat, 0-based; null for a failure record
 * @param repeats     repeats the spec asks for
 * @param batch       how the batch size was settled
 * @param measurement the measurement; null for a failure record
 * @param failure     the failure; null for a measurement record
 * @param idle        the idle power used for net figures
 * @param environment where it ran
 * @param shard       the shard that wrote it, {@code i/n}
 * @param startedAt   ISO-8601 instant the repeat (or the failed attempt) started
 * @param finishedAt  ISO-8601 instant it finished
 */
public record ResultRecord(int schema, String type, String specHash, String specName, int cellIndex, String cellKey,
                           Cell cell, Integer repeat, int repeats, BatchResolution batch, RepeatMeasurement measurement,
                           FailureInfo failure, IdlePower idle, EnvironmentInfo environment, String shard,
                           String startedAt, String finishedAt) {
    /** The schema version this toolkit writes and reads. */
    public static final int SCHEMA = 1;
    /** {@link #type()} of a measured repeat. */
    public static final String MEASUREMENT = "measurement";
    /** {@link #type()} of a failed cell. */
    public static final String FAILURE = "failure";
    /** Type of a {@link StartMarker} line (not a record). */
    public static final String STARTED = "started";
}
