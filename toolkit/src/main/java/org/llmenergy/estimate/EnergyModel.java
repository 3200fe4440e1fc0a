package org.llmenergy.estimate;

import org.llmenergy.units.Provenance;

/**
 * One source of inference energy, bound to one serving setting (model, GPU, parallelism, precision, engine and
 * batching), that prices requests by their input and output lengths. The toolkit has three: the paper's Figure-2
 * fit, a fit to our own sweep, and the calibrated step model; {@link WorkloadPricing} prices any workload with any
 * of them, so the CLI, {@code reproduce} and the notebooks share one path.
 *
 * <p>Fit once, evaluate many: a model is built (or fitted) once, then {@link #pricerFor} adapts it to a
 * workload's length moments (a continuously batched server's steady state depends on the mix of lengths) and the
 * returned {@link RequestPricer} is evaluated per request or per length bin.
 */
public interface EnergyModel {

    /** @return the stable source label, for example {@code "calibrated"}, {@code "paper-fit"}, {@code "sweep-fit"} */
    String source();

    /** @return how the figures are obtained (source {@code model}, with the fit and its data in the details) */
    Provenance provenance();

    /**
     * @param workload the length moments of the workload to be priced
     * @return a pricer for requests of that workload
     */
    RequestPricer pricerFor(LengthMoments workload);
}
