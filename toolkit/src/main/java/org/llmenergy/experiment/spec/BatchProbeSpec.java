package org.llmenergy.experiment.spec;

/**
 * How the largest batch B(I, O) is found for "max" cells: start at the memory model's prediction (or 1 when
 * there is none), bisect down on out-of-memory, and, when {@code probeUp} is set (always when there is no
 * prediction), double up to {@code cap} until a batch fails, then bisect.
 *
 * @param probeUp also search above a prediction that fits
 * @param cap     the largest batch ever tried (paper: batch sizes up to 1,024)
 */
public record BatchProbeSpec(boolean probeUp, int cap) {
    /** No probing up from a prediction; cap 1,024. */
    public static final BatchProbeSpec DEFAULT = new BatchProbeSpec(false, 1024);

    public BatchProbeSpec {
        if (cap <= 0) throw new IllegalArgumentException("batch probe cap must be > 0");
    }
}
