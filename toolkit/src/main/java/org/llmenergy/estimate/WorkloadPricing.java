package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.llmenergy.units.Interval;

/**
 * THE workload-pricing function: (an {@link EnergyModel}, a {@link Workload}) to a {@link WorkloadPrice}. The CLI's
 * {@code estimate}, {@code reproduce} and the notebooks all price through here.
 *
 * <ol>
 *   <li>The workload's length moments are taken over its priceable shapes, and the model's pricer is built for
 *       them once ({@link EnergyModel#pricerFor}).</li>
 *   <li>Each distinct (input, output) shape is priced once and weighted by its request count, so a 27-million-row
 *       trace costs one evaluation per distinct pair.</li>
 *   <li>Nothing is dropped silently: requests the workload left out (outside a bin grid), requests with a 0-token
 *       prompt or output, and requests the model cannot price are counted by reason with their tokens.</li>
 *   <li>Flags are deduplicated and counted by the priced requests they hold for. A model whose flags vary with
 *       every length is capped at {@value #MAX_DETAILS_PER_KIND} distinct details per kind; the rest are counted
 *       under one "other" flag of that kind.</li>
 * </ol>
 *
 * <h2>The interval of a sum</h2>
 * The requests' intervals are added end to end (low to low, high to high), not in quadrature: the error of one
 * model is systematic (the same fitted parameters price every request), so it does not average out over requests.
 */
public final class WorkloadPricing {
    /** Most distinct flag details (and exclusion reasons) kept per kind before they are lumped together. */
    public static final int MAX_DETAILS_PER_KIND = 16;

    private WorkloadPricing() {}

    /** @return {@link #price(EnergyModel, Workload, TheoreticalEstimator)} without the theoretical baseline */
    public static WorkloadPrice price(EnergyModel model, Workload workload) { return price(model, workload, null); }

    /**
     * @param model    the energy source, bound to its serving setting
     * @param workload the requests
     * @param baseline the FLOPs x TDP / peak baseline to compute over the priced requests too; null for none
     * @return the price
     */
    public static WorkloadPrice price(EnergyModel model, Workload workload, TheoreticalEstimator baseline) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(workload, "workload");
        Tally tally = new Tally();
        for (Exclusion e : workload.excluded()) tally.exclusions.put(e.reason(), e);

        LengthMoments.Accumulator moments = new LengthMoments.Accumulator();
        long[] priceable = new long[1];
        workload.forEachShape((in, out, n) -> {
            if (in > 0 && out > 0) {
                moments.add(in, out, n);
                priceable[0] += n;
            } else {
                tally.exclude(out <= 0 ? "output of 0 tokens (a failed request)" : "prompt of 0 tokens", in, out, n);
            }
        });
        if (priceable[0] == 0) return tally.result(model, workload, List.of(), baseline != null);

        RequestPricer pricer = model.pricerFor(moments.moments());
        workload.forEachShape((in, out, n) -> {
            if (in <= 0 || out <= 0) return;
            RequestEnergy e = pricer.price(in, out);
            if (e instanceof RequestEnergy.Priced p) tally.add(in, out, n, p, baseline);
            else tally.exclude(((RequestEnergy.Excluded) e).reason(), in, out, n);
        });
        List<EstimateFlag> whole = new ArrayList<>(pricer.flags());
        if (workload instanceof Workload.OutputHistogram h) whole.add(h.assumption());
        return tally.result(model, workload, whole, baseline != null);
    }

    /** Running sums of one pricing pass. */
    private static final class Tally {
        final Map<String, Exclusion> exclusions = new LinkedHashMap<>();
        final Map<EstimateFlag, long[]> flags = new LinkedHashMap<>();
        final Map<EstimateFlag.Kind, Integer> detailsPerKind = new EnumMap<>(EstimateFlag.Kind.class);
        long shapes;
        long requests;
        long inputTokens;
        long outputTokens;
        double value;
        double low;
        double high;
        double prefill;
        double decode;
        double seconds;
        boolean timed = true;
        double theoretical;

        void add(int in, int out, long n, RequestEnergy.Priced p, TheoreticalEstimator baseline) {
            shapes++;
            requests += n;
            inputTokens += (long) in * n;
            outputTokens += (long) out * n;
            Interval t = p.totalJoules();
            value += t.value() * n;
            low += t.low() * n;
            high += t.high() * n;
            prefill += p.prefillJoules() * n;
            decode += p.decodeJoules() * n;
            if (Double.isNaN(p.seconds())) timed = false;
            else seconds += p.seconds() * n;
            if (baseline != null) theoretical += baseline.joules(in, out) * n;
            for (EstimateFlag f : p.flags()) count(f, n);
        }

        void count(EstimateFlag f, long n) {
            long[] c = flags.get(f);
            if (c == null) {
                int kept = detailsPerKind.getOrDefault(f.kind(), 0);
                if (kept >= MAX_DETAILS_PER_KIND) {
                    f = new EstimateFlag(f.kind(), "other details (more than " + MAX_DETAILS_PER_KIND + " distinct)");
                    c = flags.get(f);
                } else {
                    detailsPerKind.put(f.kind(), kept + 1);
                }
                if (c == null) {
                    c = new long[1];
                    flags.put(f, c);
                }
            }
            c[0] += n;
        }

        void exclude(String reason, int in, int out, long n) {
            if (!exclusions.containsKey(reason) && exclusions.size() >= 4 * MAX_DETAILS_PER_KIND) {
                reason = "other reasons (more than " + 4 * MAX_DETAILS_PER_KIND + " distinct)";
            }
            Exclusion e = exclusions.get(reason);
            long inTokens = (long) in * n;
            long outTokens = (long) out * n;
            if (e == null) {
                exclusions.put(reason, Exclusion.of(reason, n, inTokens, outTokens));
            } else {
                exclusions.put(reason, new Exclusion(reason, e.requests() + n,
                        e.inputTokens().isPresent() ? OptionalLong.of(e.inputTokens().getAsLong() + inTokens) : e.inputTokens(),
                        e.outputTokens().isPresent() ? OptionalLong.of(e.outputTokens().getAsLong() + outTokens) : e.outputTokens()));
            }
        }

        WorkloadPrice result(EnergyModel model, Workload workload, List<EstimateFlag> whole, boolean withBaseline) {
            List<FlagCount> out = new ArrayList<>();
            for (EstimateFlag f : whole) if (!flags.containsKey(f)) out.add(new FlagCount(f, requests));
            for (Map.Entry<EstimateFlag, long[]> e : flags.entrySet()) out.add(new FlagCount(e.getKey(), e.getValue()[0]));
            Optional<Interval> total = requests == 0 ? Optional.empty()
                    : Optional.of(new Interval(value, Math.min(low, value), Math.max(high, value)));
            String timeMissing = requests == 0 ? "no request was priced"
                    : timed ? null : "the source '" + model.source() + "' does not model time";
            return new WorkloadPrice(model.source(), model.provenance(), workload.label(), workload.binned(), shapes,
                    requests, inputTokens, outputTokens, total,
                    requests == 0 || Double.isNaN(prefill) ? OptionalDouble.empty() : OptionalDouble.of(prefill),
                    requests == 0 || Double.isNaN(decode) ? OptionalDouble.empty() : OptionalDouble.of(decode),
                    timeMissing == null ? OptionalDouble.of(seconds) : OptionalDouble.empty(), timeMissing,
                    withBaseline && requests > 0 ? OptionalDouble.of(theoretical) : OptionalDouble.empty(),
                    List.copyOf(exclusions.values()), out);
        }
    }
}
