package org.llmenergy.serving;

import java.util.List;
import java.util.Map;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.calibrated.IntervalFactors;
import org.llmenergy.units.Interval;

/**
 * What a simulation gives, over the window from the first arrival to the last token.
 *
 * @param requests          requests served
 * @param excludedRequests  requests not served (see {@code exclusions})
 * @param exclusions        reason to count, for the excluded requests
 * @param inputTokens       prompt tokens of the served requests
 * @param outputTokens      output tokens of the served requests
 * @param busyJoules        energy of all iterations on all replicas, in joules
 * @param idleJoules        idle power over every replica's time without an iteration, in joules
 * @param makespanSeconds   first arrival to last token, in seconds
 * @param busySeconds       time replicas spent in iterations, summed over replicas, in seconds
 * @param replicas          replicas simulated
 * @param iterations        forward steps run, over all replicas
 * @param averageBatch      sequences per iteration, averaged over iterations
 * @param ttft              time to first token, in seconds
 * @param itl               inter-token latency, per output token, in seconds
 * @param e2e               end-to-end latency, in seconds
 * @param preemptions       preemptions by recompute
 * @param power             power over time, all replicas (downsampled)
 * @param intervalFactors   the calibration's 90 % factors for this GPU
 * @param flags             what the answer assumes or extrapolates
 */
public record SimulationResult(long requests, long excludedRequests, Map<String, Long> exclusions, long inputTokens,
                               long outputTokens, double busyJoules, double idleJoules, double makespanSeconds,
                               double busySeconds, int replicas, long iterations, double averageBatch, Percentiles ttft,
                               Percentiles itl, Percentiles e2e, long preemptions, List<PowerBins.PowerPoint> power,
                               IntervalFactors intervalFactors, List<EstimateFlag> flags) {

    /** @return busy plus idle energy, in joules */
    public double totalJoules() { return busyJoules + idleJoules; }

    /** @return the total with the calibration's 90 % interval, in joules */
    public Interval total() { return intervalFactors.around(totalJoules()); }

    /** @return total energy per served request with its interval, in joules; NaN-valued when none was served */
    public Interval perRequest() { return intervalFactors.around(totalJoules() / requests); }

    /** @return total energy per output token with its interval, in joules */
    public Interval perOutputToken() { return intervalFactors.around(totalJoules() / outputTokens); }

    /** @return busy time over replica time in the window (0 to 1) */
    public double utilisation() { return makespanSeconds > 0 ? busySeconds / (replicas * makespanSeconds) : Double.NaN; }

    /** @return mean duration of an iteration, in seconds */
    public double meanIterationSeconds() { return busySeconds / iterations; }
}
