package org.llmenergy.estimate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;

/**
 * The {@code energies} source: per-bin batch energies (measured, or from any other source; see
 * {@link BatchEnergiesCsv}) as an {@link EnergyModel}, the paper's E_batch(I*, O*) / B(I*, O*) per request
 * (Fernandez et al., ACL 2025, section 4.2). A request goes to the smallest input edge ≥ its prompt and the smallest
 * output edge ≥ its output among the edges the energies name (the paper's ceiling binning); a bin's energy is the
 * mean of its rows at its largest batch size (as {@link BinnedEstimator}). Requests above the grid, or in a bin
 * without an energy, are excluded with the reason, never priced as 0.
 *
 * <h2>Interval</h2>
 * There is no fit behind these numbers, so there are no residuals: the interval is the range of the bin's repeats
 * (min to max), which is narrower than a 90 % interval for few repeats; a bin with one row has a point interval, and
 * that is flagged. The figures split neither into prefill and decode nor model time.
 */
public final class BatchEnergiesModel implements EnergyModel {
    private final Map<Long, BinnedEstimator.Chosen> bins;
    private final int[] inputEdges;
    private final int[] outputEdges;
    private final Provenance provenance;
    private final String label;

    /**
     * @param energies batch energies (one row per repeat)
     * @param label    where they come from (a file), for messages
     * @throws IllegalArgumentException when there are none
     */
    public BatchEnergiesModel(List<BatchEnergy> energies, String label) {
        Objects.requireNonNull(energies, "energies");
        this.label = Objects.requireNonNull(label, "label");
        if (energies.isEmpty()) throw new IllegalArgumentException(label + ": no batch energies");
        this.bins = BinnedEstimator.choose(energies);
        TreeSet<Integer> ins = new TreeSet<>();
        TreeSet<Integer> outs = new TreeSet<>();
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        for (BatchEnergy e : energies) {
            ins.add(e.inputBin());
            outs.add(e.outputBin());
            sources.add(e.provenance().source().label());
        }
        this.inputEdges = ins.stream().mapToInt(Integer::intValue).toArray();
        this.outputEdges = outs.stream().mapToInt(Integer::intValue).toArray();
        Map<String, String> details = new TreeMap<>();
        details.put("energies", label);
        details.put("sources", String.join("+", sources));
        details.put("bins", Integer.toString(bins.size()));
        details.put("interval", "range of each bin's repeats (no fit, no residuals)");
        this.provenance = Provenance.builder().setSource(Provenance.Source.MODEL)
                .optReason("per-bin batch energies applied to every request of the bin (" + String.join("+", sources) + ")")
                .optDetails(details).build();
    }

    @Override
    public String source() { return "energies"; }

    @Override
    public Provenance provenance() { return provenance; }

    @Override
    public RequestPricer pricerFor(LengthMoments workload) {
        return new RequestPricer() {
            @Override
            public RequestEnergy price(int input, int output) {
                int i = ceiling(inputEdges, input);
                int o = ceiling(outputEdges, output);
                if (i < 0 || o < 0) {
                    return new RequestEnergy.Excluded("outside the energies' bin grid (input <= "
                            + inputEdges[inputEdges.length - 1] + ", output <= " + outputEdges[outputEdges.length - 1] + ")");
                }
                BinnedEstimator.Chosen c = bins.get(BinnedEstimator.key(i, o));
                if (c == null) return new RequestEnergy.Excluded("no batch energy for bin (" + i + ", " + o + ") in " + label);
                double b = c.batchSize();
                List<EstimateFlag> flags = c.count() < 2
                        ? List.of(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "one batch energy in the bin: no repeat spread, point interval"))
                        : List.of();
                // A batch energy has no prefill/decode split: both parts are unknown (NaN), never 0.
                return new RequestEnergy.Priced(Double.NaN, Double.NaN,
                        new Interval(c.meanJoules() / b, c.minJoules() / b, c.maxJoules() / b), Double.NaN, flags);
            }

            @Override
            public List<EstimateFlag> flags() { return List.of(); }
        };
    }

    private static int ceiling(int[] edges, int tokens) {
        int k = java.util.Arrays.binarySearch(edges, tokens);
        if (k < 0) k = -k - 1;
        return k < edges.length ? edges[k] : -1;
    }
}
