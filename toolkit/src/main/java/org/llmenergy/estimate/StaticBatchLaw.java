package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;

/**
 * A {@link PhaseEnergyLaw} served in static batches, as an {@link EnergyModel}: the adapter behind the paper's
 * Figure-2 fit ({@code paper-fit}) and the fit to our own sweep ({@code sweep-fit}). Each request is charged the
 * law's per-request energy at the batch size its policy gives for its lengths; the workload's length mix does not
 * matter (static batches of one shape), so {@link #pricerFor} ignores the moments.
 *
 * <h2>Transfer to another GPU</h2>
 * The law's arithmetic terms (b, k1·I, k2·I², n·d) are multiplied by {@code computeScale} and its memory terms
 * (a/B, n·c/B and the KV reads e·(n·I + n(n+1)/2)) by {@code memoryScale}; both are 1 on the GPU the law was
 * fitted on.
 *
 * <h2>Interval</h2>
 * Per phase {@code x·exp(±z·s)} with z = 1.645 (90 %, normal log errors) and the phase's log sigma s from its fit
 * residuals; the ends of prefill and decode add, because both come from one fit whose error is systematic.
 */
public final class StaticBatchLaw implements EnergyModel {
    /** The 95th percentile of a standard normal: a two-sided 90 % interval is exp(±Z90·s) in log space. */
    public static final double Z90 = 1.6448536269514722;

    /** Says how a use at (input, output, batch) lies outside the fitted range; empty inside. */
    @FunctionalInterface
    public interface Extrapolation {
        /**
         * @return one short, length-independent line per way the use is outside the fitted range
         */
        List<String> flags(int input, int output, int batch);
    }

    private final String source;
    private final PhaseEnergyLaw law;
    private final BatchSizePolicy batches;
    private final double computeScale;
    private final double memoryScale;
    private final double prefillLogSigma;
    private final double decodeLogSigma;
    private final Provenance provenance;
    private final Extrapolation extrapolation;
    private final List<EstimateFlag> flags;

    /**
     * @param source          the source label ({@code paper-fit}, {@code sweep-fit})
     * @param law             the fitted law, J per request
     * @param batches         the batch size per request shape
     * @param computeScale    factor on the arithmetic terms (1 on the fitted GPU)
     * @param memoryScale     factor on the memory terms (1 on the fitted GPU)
     * @param prefillLogSigma prefill's log sigma (≥ 0)
     * @param decodeLogSigma  decode's log sigma (≥ 0)
     * @param provenance      {@code model}, naming the fit and its data
     * @param extrapolation   flags per use outside the fitted range
     * @param flags           flags that hold for every request
     */
    public StaticBatchLaw(String source, PhaseEnergyLaw law, BatchSizePolicy batches, double computeScale,
                          double memoryScale, double prefillLogSigma, double decodeLogSigma, Provenance provenance,
                          Extrapolation extrapolation, List<EstimateFlag> flags) {
        this.source = Objects.requireNonNull(source, "source");
        this.law = Objects.requireNonNull(law, "law");
        this.batches = Objects.requireNonNull(batches, "batches");
        if (!(computeScale > 0) || !(memoryScale > 0)) {
            throw new IllegalArgumentException("scales must be > 0, got " + computeScale + ", " + memoryScale);
        }
        if (!(prefillLogSigma >= 0) || !(decodeLogSigma >= 0)) {
            throw new IllegalArgumentException("log sigmas must be >= 0, got " + prefillLogSigma + ", " + decodeLogSigma);
        }
        this.computeScale = computeScale;
        this.memoryScale = memoryScale;
        this.prefillLogSigma = prefillLogSigma;
        this.decodeLogSigma = decodeLogSigma;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.extrapolation = Objects.requireNonNull(extrapolation, "extrapolation");
        this.flags = List.copyOf(flags);
    }

    /** A law at one batch size on the GPU it was fitted on. */
    StaticBatchLaw(String source, PhaseEnergyLaw law, int batch, double prefillLogSigma, double decodeLogSigma,
                   Provenance provenance, Extrapolation extrapolation, List<EstimateFlag> flags) {
        this(source, law, new BatchSizePolicy.Fixed(batch), 1, 1, prefillLogSigma, decodeLogSigma, provenance,
                extrapolation, flags);
    }

    @Override
    public String source() { return source; }

    @Override
    public Provenance provenance() { return provenance; }

    /** @return the batch-size policy */
    public BatchSizePolicy batches() { return batches; }

    @Override
    public RequestPricer pricerFor(LengthMoments workload) {
        double zp = Math.exp(Z90 * prefillLogSigma);
        double zd = Math.exp(Z90 * decodeLogSigma);
        return new RequestPricer() {
            @Override
            public RequestEnergy price(int input, int output) {
                OptionalInt ob = batches.batchFor(input, output);
                if (ob.isEmpty()) return new RequestEnergy.Excluded("no batch fits the GPU's memory at this length ("
                        + batches.describe() + ")");
                int b = ob.getAsInt();
                double prefillMemory = law.prefillMemoryJoules(b);
                double prefill = (law.prefillJoules(input, b) - prefillMemory) * computeScale + prefillMemory * memoryScale;
                double decodeAll = law.decodeJoules(input, output, b);
                double decodeMemory = law.decodeMemoryJoules(input, output, b);
                double decode = (decodeAll - decodeMemory) * computeScale + decodeMemory * memoryScale;
                Interval total = new Interval(prefill + decode, prefill / zp + decode / zd, prefill * zp + decode * zd);
                List<String> out = extrapolation.flags(input, output, b);
                List<EstimateFlag> f = out.isEmpty() ? List.of() : new ArrayList<>(out.size());
                for (String s : out) f.add(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, s));
                return new RequestEnergy.Priced(prefill, decode, total, Double.NaN, f);
            }

            @Override
            public List<EstimateFlag> flags() { return flags; }
        };
    }
}
