package org.llmenergy.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Turns controlled-sweep cells into the curves of the paper's sweep figures: one series per batch size (colour
 * group {@code "BS<b>"}, as the paper's curves), and per configuration when the cells hold several. Cells without
 * the energy a panel needs are left out of that panel (their {@link SweepPoint#notes()} say why); cells at the same
 * x are averaged.
 */
public final class SweepSeries {
    private SweepSeries() {}

    /** Prefill energy against prompt length, one series per batch size (all output lengths averaged). */
    public static List<Series> prefillVsInput(List<SweepPoint> points) {
        return curves(points, p -> true, SweepSeries::batchLabel, SweepSeries::batchLabel, SweepPoint::input, SweepPoint::prefillKwh);
    }

    /** Prefill energy against prompt length, one series per batch size and output length (Figure 11). */
    public static List<Series> prefillVsInputByOutput(List<SweepPoint> points) {
        Function<SweepPoint, String> key = p -> batchLabel(p) + ", O=" + p.output();
        return curves(points, p -> true, key, key, SweepPoint::input, SweepPoint::prefillKwh);
    }

    /** Decode energy against prompt length at a fixed output length, one series per batch size. */
    public static List<Series> decodeVsInput(List<SweepPoint> points, int output) {
        return curves(points, p -> p.output() == output, p -> batchLabel(p) + ", O=" + output, SweepSeries::batchLabel, SweepPoint::input, SweepPoint::decodeKwh);
    }

    /** Whole-run energy against prompt length at a fixed output length, one series per batch size. */
    public static List<Series> totalVsInput(List<SweepPoint> points, int output) {
        return curves(points, p -> p.output() == output, p -> batchLabel(p) + ", O=" + output, SweepSeries::batchLabel, SweepPoint::input, SweepPoint::totalKwh);
    }

    /** Decode energy against decode tokens (O − 1, the paper's x) at a fixed prompt length, one series per batch size. */
    public static List<Series> decodeVsOutput(List<SweepPoint> points, int input) {
        return curves(points, p -> p.input() == input && p.output() > 1, p -> batchLabel(p) + ", I=" + input, SweepSeries::batchLabel, p -> p.output() - 1,
                SweepPoint::decodeKwh);
    }

    /** Seconds per batch against output length at a fixed prompt length, one series per batch size (Figure 11). */
    public static List<Series> durationVsOutput(List<SweepPoint> points, int input) {
        return curves(points, p -> p.input() == input, p -> batchLabel(p) + ", I=" + input, SweepSeries::batchLabel, SweepPoint::output, SweepPoint::batchSeconds);
    }

    /**
     * Whole-run energy against batch size for one (input, output) shape, one series per decoding strategy (Figure 3);
     * cells that differ only in their sampling seed are averaged into one curve.
     */
    public static List<Series> byDecoding(List<SweepPoint> points, int input, int output) {
        Function<SweepPoint, String> key = p -> withoutSeed(p.decoding());
        return curves(points, p -> p.input() == input && p.output() == output, key, key, SweepPoint::batch, SweepPoint::totalKwh);
    }

    /**
     * The output length to fix for a "vs input" panel: {@code preferred} when cells at two or more prompt lengths
     * have it, else the output with the most prompt lengths (ties: the smaller).
     *
     * @return empty when there are no cells
     */
    public static OptionalInt fixedOutput(List<SweepPoint> points, int preferred) {
        return mostVaried(points, SweepPoint::output, SweepPoint::input, preferred);
    }

    /** The prompt length to fix for a "vs output" panel, as {@link #fixedOutput}. */
    public static OptionalInt fixedInput(List<SweepPoint> points, int preferred) {
        return mostVaried(points.stream().filter(p -> p.output() > 1).toList(), SweepPoint::input, SweepPoint::output, preferred);
    }

    /**
     * The (input, output) shape with the most (decoding, batch) cells, for Figure 3.
     *
     * @return {input, output}, or empty when there are no cells
     */
    public static Optional<int[]> fixedShape(List<SweepPoint> points) {
        // ties go to the smallest input, then the smallest output
        Map<Long, Set<String>> cells = new TreeMap<>();
        for (SweepPoint p : points) {
            cells.computeIfAbsent(((long) p.input() << 32) | p.output(), k -> new LinkedHashSet<>()).add(p.decoding() + "|" + p.batch());
        }
        long best = -1;
        int size = -1;
        for (Map.Entry<Long, Set<String>> e : cells.entrySet()) {
            if (e.getValue().size() > size) {
                best = e.getKey();
                size = e.getValue().size();
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new int[] {(int) (best >>> 32), (int) (best & 0xffffffffL)});
    }

    private static OptionalInt mostVaried(List<SweepPoint> points, ToIntFunction<SweepPoint> fixed, ToIntFunction<SweepPoint> varied,
                                          int preferred) {
        Map<Integer, Set<Integer>> spread = new TreeMap<>();
        for (SweepPoint p : points) spread.computeIfAbsent(fixed.applyAsInt(p), k -> new LinkedHashSet<>()).add(varied.applyAsInt(p));
        if (spread.isEmpty()) return OptionalInt.empty();
        if (spread.getOrDefault(preferred, Set.of()).size() >= 2) return OptionalInt.of(preferred);
        int best = -1;
        int size = -1;
        for (Map.Entry<Integer, Set<Integer>> e : spread.entrySet()) {
            if (e.getValue().size() > size) {
                best = e.getKey();
                size = e.getValue().size();
            }
        }
        return OptionalInt.of(best);
    }

    private static String batchLabel(SweepPoint p) { return "BS" + p.batch(); }

    /** @return a decoding key without its sampling seed, for legends ({@code "top-p(topP=0.9,seed=1)"} → {@code "top-p(topP=0.9)"}) */
    static String withoutSeed(String decoding) {
        return decoding.replaceAll(",seed=-?\\d+", "").replaceAll("\\(seed=-?\\d+,?", "(").replace("()", "");
    }

    private static List<Series> curves(List<SweepPoint> points, Predicate<SweepPoint> keep, Function<SweepPoint, String> key,
                                       Function<SweepPoint, String> group, ToIntFunction<SweepPoint> x, Function<SweepPoint, OptionalDouble> y) {
        boolean severalConfigurations = points.stream().map(SweepPoint::configuration).distinct().count() > 1;
        Map<String, List<SweepPoint>> byKey = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        List<SweepPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt(SweepPoint::batch).thenComparing(SweepPoint::decoding)
                .thenComparingInt(SweepPoint::output).thenComparingInt(SweepPoint::input));
        for (SweepPoint p : sorted) {
            if (!keep.test(p) || y.apply(p).isEmpty() || !(y.apply(p).getAsDouble() > 0)) continue;
            String k = key.apply(p) + (severalConfigurations ? " · " + p.configuration() : "");
            byKey.computeIfAbsent(k, z -> new ArrayList<>()).add(p);
            groups.putIfAbsent(k, group.apply(p) + (severalConfigurations ? " · " + p.configuration() : ""));
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, List<SweepPoint>> e : byKey.entrySet()) {
            TreeMap<Integer, double[]> sums = new TreeMap<>();
            Set<String> provenances = new LinkedHashSet<>();
            for (SweepPoint p : e.getValue()) {
                double[] s = sums.computeIfAbsent(x.applyAsInt(p), z -> new double[2]);
                s[0] += y.apply(p).getAsDouble();
                s[1]++;
                provenances.add(p.provenance());
            }
            double[] xs = sums.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] ys = sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
            String provenance = String.join("+", provenances);
            out.add(new Series(e.getKey() + " · " + Labels.ours(provenance), groups.get(e.getKey()), xs, ys, provenance));
        }
        return out;
    }
}
