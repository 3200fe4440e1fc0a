package org.llmenergy.estimate;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.llmenergy.units.Energy;

/**
 * A binned workload energy estimate, E = sum over bins of batches(N, B) x E_batch, with its per-bin breakdown.
 * Bins without an energy are listed as missing and left out of the sum; the total is then partial and
 * {@link #totalJoules()} is empty.
 *
 * @param bins          every non-empty bin of the workload, in input-then-output order
 * @param counting      how batches were counted
 * @param interpolation true when missing bins were allowed to be interpolated
 */
public record WorkloadEstimate(List<BinEstimate> bins, BatchCounting counting, boolean interpolation) {

    public WorkloadEstimate {
        bins = List.copyOf(bins);
    }

    /** @return the sum over covered bins, in joules (the whole total only when {@link #partial()} is false) */
    public double coveredJoules() {
        double sum = 0;
        for (BinEstimate b : bins) if (b.covered()) sum += b.energyJoules().getAsDouble();
        return sum;
    }

    /** @return the total in joules, or empty when some bins are missing (see {@link #describe()}) */
    public OptionalDouble totalJoules() { return partial() ? OptionalDouble.empty() : OptionalDouble.of(coveredJoules()); }

    /** @return true when at least one bin with requests has no energy */
    public boolean partial() { return missingBins() > 0; }

    /** @return the missing bins */
    public List<BinEstimate> missing() {
        return bins.stream().filter(b -> b.status() == BinEstimate.Status.MISSING).toList();
    }

    /** @return number of missing bins */
    public int missingBins() { return missing().size(); }

    /** @return requests in missing bins */
    public long missingRequests() { return missing().stream().mapToLong(BinEstimate::requests).sum(); }

    /** @return requests in all bins */
    public long totalRequests() { return bins.stream().mapToLong(BinEstimate::requests).sum(); }

    /** @return number of interpolated bins */
    public int interpolatedBins() {
        return (int) bins.stream().filter(b -> b.status() == BinEstimate.Status.INTERPOLATED).count();
    }

    /**
     * @return one line: the total (or the partial sum with the missing bins and their requests), the counting
     *         and how many bins were interpolated
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (partial()) {
            s.append(String.format(Locale.ROOT, "PARTIAL: %s over %d of %d requests; %d bin(s) with %d request(s) have no energy",
                    Energy.format(coveredJoules()), totalRequests() - missingRequests(), totalRequests(),
                    missingBins(), missingRequests()));
        } else {
            s.append(String.format(Locale.ROOT, "%s over %d requests", Energy.format(coveredJoules()), totalRequests()));
        }
        s.append(counting == BatchCounting.EXACT ? "; batches = N/B (exact ratio)" : "; batches = ceil(N/B)");
        int interp = interpolatedBins();
        if (interp > 0) s.append("; ").append(interp).append(" bin(s) INTERPOLATED, not measured");
        return s.toString();
    }
}
