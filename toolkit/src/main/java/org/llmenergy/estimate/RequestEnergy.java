package org.llmenergy.estimate;

import java.util.List;
import org.llmenergy.units.Interval;

/** The energy of one request, or the reason it is not priced. */
public sealed interface RequestEnergy {

    /**
     * A priced request.
     *
     * @param prefillJoules the prefill's share, in joules (point estimate)
     * @param decodeJoules  the decode's share, in joules (point estimate)
     * @param totalJoules   prefill + decode with its 90 % interval, in joules
     * @param seconds       the GPU time charged to this request, in seconds (its share of the steps it took
     *                      part in), or {@code NaN} when the source does not model time
     * @param flags         what this request extrapolates (empty when nothing)
     */
    record Priced(double prefillJoules, double decodeJoules, Interval totalJoules, double seconds,
                  List<EstimateFlag> flags) implements RequestEnergy {
        public Priced { flags = List.copyOf(flags); }
    }

    /**
     * A request the source cannot price (outside a bin grid, longer than the model's context, ...).
     *
     * @param reason why, in words a user can act on
     */
    record Excluded(String reason) implements RequestEnergy {}
}
