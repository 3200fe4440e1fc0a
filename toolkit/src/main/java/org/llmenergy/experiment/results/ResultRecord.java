package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.Cell;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * One line of a results file: a measured repeat of a cell ({@link Measured}), or the failure of a cell
 * ({@link Failed}). Each record is complete on its own (no record refers to another), so files can be sharded,
 * merged and filtered freely.
 *
 * <p>JSON field names are the accessor names below, in this order, each written on every line (null where a kind
 * has no value, for example {@code "failure": null} on a measurement), so both kinds share one line layout;
 * {@code type} tells them apart and {@code schema} is {@value #SCHEMA}. A cell is finished when all its repeats
 * 0 … repeats − 1, or a failure record, are present for its spec hash and cell key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ResultRecord.Measured.class, name = ResultRecord.MEASUREMENT),
        @JsonSubTypes.Type(value = ResultRecord.Failed.class, name = ResultRecord.FAILURE)})
@JsonPropertyOrder({"schema", "type", "specHash", "specName", "cellIndex", "cellKey", "cell", "repeat", "repeats",
        "batch", "measurement", "failure", "idle", "environment", "shard", "startedAt", "finishedAt"})
public sealed interface ResultRecord permits ResultRecord.Measured, ResultRecord.Failed {
    /** The schema version this toolkit writes and reads. */
    int SCHEMA = 1;
    /** {@link #type()} of a measured repeat. */
    String MEASUREMENT = "measurement";
    /** {@link #type()} of a failed cell. */
    String FAILURE = "failure";
    /** Type of a {@link StartMarker} line (not a record). */
    String STARTED = "started";

    /** @return the results schema version, {@value #SCHEMA} */
    int schema();

    /** @return {@value #MEASUREMENT} or {@value #FAILURE} */
    @JsonProperty("type")
    String type();

    /** @return {@link org.llmenergy.experiment.spec.SweepSpec#hash()} */
    String specHash();

    /** @return the spec's name */
    String specName();

    /** @return the cell's position in the spec's cell order (shards partition by it) */
    int cellIndex();

    /** @return {@link Cell#key()} */
    String cellKey();

    /** @return the cell */
    Cell cell();

    /** @return the repeat, 0-based; null for a failure */
    @JsonProperty("repeat")
    Integer repeat();

    /** @return repeats the spec asks for */
    int repeats();

    /** @return how the batch size was settled */
    BatchResolution batch();

    /** @return the measurement; null for a failure */
    @JsonProperty("measurement")
    RepeatMeasurement measurement();

    /** @return the failure; null for a measurement */
    @JsonProperty("failure")
    FailureInfo failure();

    /** @return the idle power used for net figures */
    IdlePower idle();

    /** @return where it ran */
    EnvironmentInfo environment();

    /** @return the shard that wrote it, {@code i/n} */
    String shard();

    /** @return ISO-8601 instant the repeat (or the failed attempt) started */
    String startedAt();

    /** @return ISO-8601 instant it finished */
    String finishedAt();

    /** @return true for a {@link Failed} record */
    default boolean isFailure() { return this instanceof Failed; }

    /** @return a builder for a record: {@code set…} what every record needs, {@code opt…} the rest */
    static Builder builder() { return new Builder(); }

    /** @return a builder holding this record's shared fields (spec, cell, repeats, batch, idle, environment, …) */
    default Builder toBuilder() {
        return new Builder().optSchema(schema()).setSpec(specHash(), specName()).setCell(cellIndex(), cell())
                .optCellKey(cellKey()).setRepeats(repeats()).optBatch(batch()).optIdle(idle())
                .optEnvironment(environment()).optShard(shard()).setTimes(startedAt(), finishedAt());
    }

    /**
     * Builds a {@link Measured} or a {@link Failed} record in DJL's convention: {@code set…} for what is required
     * (spec, cell, repeats, times), {@code opt…} for the rest, and the kind last ({@link #measured} or
     * {@link #failed}).
     */
    final class Builder {
        private int schema = SCHEMA;
        private String specHash;
        private String specName;
        private Integer cellIndex;
        private Cell cell;
        private String cellKey;
        private Integer repeats;
        private BatchResolution batch;
        private IdlePower idle;
        private EnvironmentInfo environment;
        private String shard;
        private String startedAt;
        private String finishedAt;

        private Builder() {}

        /** Required: the spec's {@link org.llmenergy.experiment.spec.SweepSpec#hash()} and name. */
        public Builder setSpec(String hash, String name) {
            this.specHash = hash;
            this.specName = name;
            return this;
        }

        /** Required: the cell and its position in the spec's cell order; the key defaults to {@link Cell#key()}. */
        public Builder setCell(int index, Cell cell) {
            this.cellIndex = index;
            this.cell = cell;
            return this;
        }

        /** Required: how many repeats the spec asks for. */
        public Builder setRepeats(int repeats) {
            this.repeats = repeats;
            return this;
        }

        /** Required: ISO-8601 instants the attempt started and finished. */
        public Builder setTimes(String startedAt, String finishedAt) {
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
            return this;
        }

        /** Optional: the schema version (default {@value ResultRecord#SCHEMA}). */
        public Builder optSchema(int schema) {
            this.schema = schema;
            return this;
        }

        /** Optional: a cell key other than {@link Cell#key()}, as a file written by another version stored it. */
        public Builder optCellKey(String cellKey) {
            this.cellKey = cellKey;
            return this;
        }

        /** Optional: how the batch size was settled (required for a measurement). */
        public Builder optBatch(BatchResolution batch) {
            this.batch = batch;
            return this;
        }

        /** Optional: the idle power used for net figures. */
        public Builder optIdle(IdlePower idle) {
            this.idle = idle;
            return this;
        }

        /** Optional: where it ran. */
        public Builder optEnvironment(EnvironmentInfo environment) {
            this.environment = environment;
            return this;
        }

        /** Optional: the shard that wrote it, {@code i/n}. */
        public Builder optShard(String shard) {
            this.shard = shard;
            return this;
        }

        /**
         * @param repeat      the repeat, 0-based
         * @param measurement what it measured
         * @return the measured repeat
         * @throws IllegalStateException naming the first required field not set
         */
        public Measured measured(int repeat, RepeatMeasurement measurement) {
            checkRequired();
            return new Measured(schema, specHash, specName, cellIndex, key(), cell, repeat, repeats, batch,
                    measurement, idle, environment, shard, startedAt, finishedAt);
        }

        /**
         * @param failure what failed
         * @return the failure record
         * @throws IllegalStateException naming the first required field not set
         */
        public Failed failed(FailureInfo failure) {
            checkRequired();
            Objects.requireNonNull(failure, "failure");
            return new Failed(schema, specHash, specName, cellIndex, key(), cell, repeats, batch, failure, idle,
                    environment, shard, startedAt, finishedAt);
        }

        private String key() { return cellKey != null ? cellKey : cell.key(); }

        private void checkRequired() {
            if (specHash == null) throw new IllegalStateException("a result record needs setSpec(hash, name)");
            if (cell == null || cellIndex == null) throw new IllegalStateException("a result record needs setCell(index, cell)");
            if (repeats == null) throw new IllegalStateException("a result record needs setRepeats(n)");
            if (startedAt == null || finishedAt == null) {
                throw new IllegalStateException("a result record needs setTimes(startedAt, finishedAt)");
            }
        }
    }

    /**
     * A measured repeat of a cell. Components are as in {@link ResultRecord}.
     *
     * @param schema      the results schema version
     * @param specHash    {@link org.llmenergy.experiment.spec.SweepSpec#hash()}
     * @param specName    the spec's name
     * @param cellIndex   the cell's position in the spec's cell order
     * @param cellKey     {@link Cell#key()}
     * @param cell        the cell
     * @param repeat      the repeat, 0-based
     * @param repeats     repeats the spec asks for
     * @param batch       how the batch size was settled
     * @param measurement the measurement
     * @param idle        the idle power used for net figures
     * @param environment where it ran
     * @param shard       the shard that wrote it, {@code i/n}
     * @param startedAt   ISO-8601 instant the repeat started
     * @param finishedAt  ISO-8601 instant it finished
     */
    record Measured(int schema, String specHash, String specName, int cellIndex, String cellKey, Cell cell,
                    Integer repeat, int repeats, BatchResolution batch, RepeatMeasurement measurement, IdlePower idle,
                    EnvironmentInfo environment, String shard, String startedAt, String finishedAt)
            implements ResultRecord {
        public Measured {
            Objects.requireNonNull(repeat, "repeat");
            Objects.requireNonNull(measurement, "measurement");
        }

        @Override
        public String type() { return MEASUREMENT; }

        @Override
        public FailureInfo failure() { return null; }
    }

    /**
     * The failure of a cell. Components are as in {@link ResultRecord}.
     *
     * @param schema      the results schema version
     * @param specHash    {@link org.llmenergy.experiment.spec.SweepSpec#hash()}
     * @param specName    the spec's name
     * @param cellIndex   the cell's position in the spec's cell order
     * @param cellKey     {@link Cell#key()}
     * @param cell        the cell
     * @param repeats     repeats the spec asks for
     * @param batch       how the batch size was settled, or null when it was not
     * @param failure     what failed
     * @param idle        the idle power used for net figures
     * @param environment where it ran
     * @param shard       the shard that wrote it, {@code i/n}
     * @param startedAt   ISO-8601 instant the failed attempt started
     * @param finishedAt  ISO-8601 instant it finished
     */
    record Failed(int schema, String specHash, String specName, int cellIndex, String cellKey, Cell cell, int repeats,
                  BatchResolution batch, FailureInfo failure, IdlePower idle, EnvironmentInfo environment, String shard,
                  String startedAt, String finishedAt) implements ResultRecord {
        @Override
        public String type() { return FAILURE; }

        @Override
        public Integer repeat() { return null; }

        @Override
        public RepeatMeasurement measurement() { return null; }
    }
}
