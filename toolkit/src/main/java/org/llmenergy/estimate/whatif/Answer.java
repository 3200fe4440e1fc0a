package org.llmenergy.estimate.whatif;

import java.util.Objects;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.units.Interval;

/**
 * One setting's answer for one workload: the workload priced by the calibrated model of that setting.
 *
 * @param setup the setting
 * @param price the price, with its 90 % interval, exclusions and flags
 */
public record Answer(Setup setup, WorkloadPrice price) {

    public Answer {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(price, "price");
    }

    /**
     * @return energy of the priced requests with its 90 % interval, in joules
     * @throws IllegalStateException when no request could be priced (the exclusions say why)
     */
    public Interval total() {
        return price.total().orElseThrow(() -> new IllegalStateException(setup + ": no request of " + price.workload()
                + " could be priced: " + price.exclusions()));
    }

    /** @return energy per generated token with its 90 % interval, in joules */
    public Interval perOutputToken() { return total().times(1.0 / price.outputTokens()); }
}
