package org.llmenergy.estimate;

import java.util.List;

/**
 * Prices single requests for one workload (see {@link EnergyModel#pricerFor}). Evaluated once per distinct
 * (input, output) pair or per length bin, so it must be cheap and allocation-light.
 */
public interface RequestPricer {

    /**
     * @param inputTokens  prompt length, in tokens (> 0)
     * @param outputTokens generated tokens (> 0)
     * @return the request's energy, or why it cannot be priced
     */
    RequestEnergy price(int inputTokens, int outputTokens);

    /** @return flags that hold for every request this pricer prices (uncalibrated GPU, assumed defaults, ...) */
    List<EstimateFlag> flags();
}
