package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

/**
 * The paper's binned workload estimator (Fernandez et al., ACL 2025, section 4.2):
 * <pre>  E = sum over bins (I*, O*) of  N(I*, O*) / B(I*, O*)  x  E_batch(I*, O*)</pre>
 * with N the bin's request count, B its batch size and E_batch the energy of one full batch.
 *
 * <ul>
 *   <li><b>Batches:</b> {@link BatchCounting#EXACT} (the paper's ratio) or {@link BatchCounting#CEIL}.</li>
 *   <li><b>Several measurements of a bin:</b> the ones at the bin's largest batch size are used (the paper charges
 *       every bin at its maximum batch) and their energies averaged; the count is kept.</li>
 *   <li><b>Missing bins</b> are reported as missing and never counted as zero: the estimate is then partial.</li>
 *   <li><b>Interpolation</b> (only when asked): a missing bin gets the per-request energy E_batch/B interpolated
 *       linearly in log(energy) against log(length) between the nearest measured bins on <i>both</i> sides of it
 *       in its row (same O*, along I*), else in its column (same I*, along O*). Its batch size is the smaller
 *       of the two neighbours'. There is no extrapolation: a bin without measured neighbours on both sides stays
 *       missing. Interpolated bins are labelled and carry a {@code model} provenance.</li>
 * </ul>
 */
public final class BinnedEstimator {
    private final BatchCounting counting;
    private final boolean interpolate;

    /**
     * @param counting    how batches are counted
     * @param interpolate true to interpolate missing bins between measured neighbours
     */
    public BinnedEstimator(BatchCounting counting, boolean interpolate) {
        this.counting = Objects.requireNonNull(counting, "counting");
        this.interpolate = interpolate;
    }

    /** @return the paper's estimator: exact ratio, no interpolation */
    public static BinnedEstimator paper() { return new BinnedEstimator(BatchCounting.EXACT, false); }

    /**
     * @param workload bin counts (each bin at most once; empty bins are skipped)
     * @param energies batch energies; bins not in the workload may be given (they serve interpolation)
     * @return the estimate with its per-bin breakdown
     * @throws IllegalArgumentException when a bin appears twice in the workload or has negative requests
     */
    public WorkloadEstimate estimate(List<BinCount> workload, List<BatchEnergy> energies) {
        Map<Long, Chosen> measured = choose(energies);
        List<BinCount> sorted = new ArrayList<>(workload);
        sorted.sort(Comparator.comparingInt(BinCount::inputBin).thenComparingInt(BinCount::outputBin));
        List<BinEstimate> out = new ArrayList<>();
        Long previous = null;
        for (BinCount bc : sorted) {
            if (bc.requests() < 0) {
                throw new IllegalArgumentException("bin (" + bc.inputBin() + ", " + bc.outputBin()
                        + ") has a negative request count " + bc.requests());
            }
            long key = key(bc.inputBin(), bc.outputBin());
            if (previous != null && previous == key) {
                throw new IllegalArgumentException("bin (" + bc.inputBin() + ", " + bc.outputBin() + ") appears twice in the workload");
            }
            previous = key;
            if (bc.requests() == 0) continue;
            Chosen c = measured.get(key);
            if (c != null) {
                out.add(directBin(bc, c));
            } else if (interpolate) {
                out.add(interpolated(bc, measured));
            } else {
                out.add(missing(bc, "no batch energy for this bin"));
            }
        }
        return new WorkloadEstimate(out, counting, interpolate);
    }

    private BinEstimate directBin(BinCount bc, Chosen c) {
        double batches = counting.batches(bc.requests(), c.batchSize);
        String note = c.count == 1 ? "this bin's batch energy" : String.format(Locale.ROOT, "mean of %d batch energies at B=%d", c.count, c.batchSize);
        return new BinEstimate(bc.inputBin(), bc.outputBin(), bc.requests(), BinEstimate.Status.DIRECT,
                OptionalInt.of(c.batchSize), OptionalDouble.of(batches), OptionalDouble.of(c.meanJoules),
                OptionalDouble.of(batches * c.meanJoules), c.count, note, c.provenance);
    }

    private static BinEstimate missing(BinCount bc, String why) {
        return new BinEstimate(bc.inputBin(), bc.outputBin(), bc.requests(), BinEstimate.Status.MISSING,
                OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 0, why, null);
    }

    private BinEstimate interpolated(BinCount bc, Map<Long, Chosen> measured) {
        TreeMap<Integer, Chosen> row = new TreeMap<>();
        TreeMap<Integer, Chosen> column = new TreeMap<>();
        for (Chosen c : measured.values()) {
            if (c.outputBin == bc.outputBin()) row.put(c.inputBin, c);
            if (c.inputBin == bc.inputBin()) column.put(c.outputBin, c);
        }
        BinEstimate e = between(bc, row, bc.inputBin(), "I*");
        if (e == null) e = between(bc, column, bc.outputBin(), "O*");
        return e != null ? e : missing(bc, "no batch energy, and no bins with one on both sides in its row or column to interpolate from");
    }

    private BinEstimate between(BinCount bc, TreeMap<Integer, Chosen> line, int at, String axis) {
        Map.Entry<Integer, Chosen> lo = line.lowerEntry(at);
        Map.Entry<Integer, Chosen> hi = line.higherEntry(at);
        if (lo == null || hi == null) return null;
        Chosen a = lo.getValue();
        Chosen b = hi.getValue();
        double t = (Math.log(at) - Math.log(lo.getKey())) / (Math.log(hi.getKey()) - Math.log(lo.getKey()));
        double perRequest = Math.exp(Math.log(a.perRequest()) + t * (Math.log(b.perRequest()) - Math.log(a.perRequest())));
        int batch = Math.min(a.batchSize, b.batchSize);
        double batchEnergy = perRequest * batch;
        double batches = counting.batches(bc.requests(), batch);
        String how = String.format(Locale.ROOT, "interpolated in log-log along %s between bins (%d, %d) and (%d, %d)",
                axis, a.inputBin, a.outputBin, b.inputBin, b.outputBin);
        Provenance p = Provenance.builder().setSource(Provenance.Source.MODEL)
                .optNetOfIdle(a.provenance.netOfIdle() && b.provenance.netOfIdle())
                .optValid(a.provenance.valid() && b.provenance.valid())
                .optReason("interpolated, not measured").optFlag(Provenance.Flag.INTERPOLATED)
                .optDetail("method", how)
                .optDetail("neighbour_sources", a.provenance.source().label() + "," + b.provenance.source().label())
                .optDerivedFrom(List.of(a.provenance, b.provenance)).build();
        return new BinEstimate(bc.inputBin(), bc.outputBin(), bc.requests(), BinEstimate.Status.INTERPOLATED,
                OptionalInt.of(batch), OptionalDouble.of(batches), OptionalDouble.of(batchEnergy),
                OptionalDouble.of(batches * batchEnergy), 0, how, p);
    }

    /** Per bin: the measurements at the largest batch size, averaged (also the per-bin energies of {@link BatchEnergiesModel}). */
    static Map<Long, Chosen> choose(List<BatchEnergy> energies) {
        Map<Long, List<BatchEnergy>> byBin = new HashMap<>();
        for (BatchEnergy e : energies) byBin.computeIfAbsent(key(e.inputBin(), e.outputBin()), k -> new ArrayList<>()).add(e);
        Map<Long, Chosen> out = new HashMap<>();
        for (Map.Entry<Long, List<BatchEnergy>> en : byBin.entrySet()) {
            int maxB = en.getValue().stream().mapToInt(BatchEnergy::batchSize).max().orElseThrow();
            List<BatchEnergy> at = en.getValue().stream().filter(e -> e.batchSize() == maxB).toList();
            double mean = at.stream().mapToDouble(BatchEnergy::energyJoules).average().orElseThrow();
            BatchEnergy first = at.get(0);
            double min = at.stream().mapToDouble(BatchEnergy::energyJoules).min().orElseThrow();
            double max = at.stream().mapToDouble(BatchEnergy::energyJoules).max().orElseThrow();
            out.put(en.getKey(), new Chosen(first.inputBin(), first.outputBin(), maxB, mean, min, max, at.size(), merge(at)));
        }
        return out;
    }

    private static Provenance merge(List<BatchEnergy> at) {
        if (at.size() == 1) return at.get(0).provenance();
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (BatchEnergy e : at) {
            sources.add(e.provenance().source().label());
            min = Math.min(min, e.energyJoules());
            max = Math.max(max, e.energyJoules());
        }
        Provenance.Builder mean = Provenance.derivedFrom(at.stream().map(BatchEnergy::provenance).toList());
        if (sources.size() > 1) {
            mean.optReason("averaged measurements of different sources: " + sources).optFlag(Provenance.Flag.MIXED_SOURCES);
        }
        return mean.optDetail("repeats", Integer.toString(at.size()))
                .optDetail("repeat_min_j", Double.toString(min))
                .optDetail("repeat_max_j", Double.toString(max)).build();
    }

    static long key(int inputBin, int outputBin) { return ((long) inputBin << 32) | (outputBin & 0xffffffffL); }

    /** One bin's batch energy: the mean (and range) of the repeats at its largest batch size, in joules per batch. */
    record Chosen(int inputBin, int outputBin, int batchSize, double meanJoules, double minJoules, double maxJoules,
                  int count, Provenance provenance) {
        double perRequest() { return meanJoules / batchSize; }
    }
}
