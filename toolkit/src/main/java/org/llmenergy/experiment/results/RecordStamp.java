package org.llmenergy.experiment.results;

/**
 * The parts of a record shared by every record a sweep process writes.
 *
 * @param specHash    the spec's hash
 * @param specName    the spec's name
 * @param repeats     repeats per cell
 * @param idle        the idle power measured at the start of the process
 * @param environment where it runs
 * @param shard       the shard, {@code i/n}
 */
public record RecordStamp(String specHash, String specName, int repeats, IdlePower idle, EnvironmentInfo environment,
                   String shard) {}
