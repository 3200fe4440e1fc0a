package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.llmenergy.experiment.results.EnergyAmounts;
import org.llmenergy.experiment.results.RepeatAverages;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.units.Provenance;

/**
 * The {@link PhaseEnergyLaw} fitted to our own controlled-sweep measurements of one configuration, so measured
 * cells can be applied to any request length, including lengths that were not run (each such use is flagged).
 * {@link #atBatch(int)} binds it to a batch size as an {@link EnergyModel} (source {@code sweep-fit}).
 *
 * <p>Each cell's prefill energy (the one-token run) and decode energy (full run minus prefill run), per request and
 * gross, are averaged over its repeats by {@link RepeatAverages} (repeats flagged invalid are left out, as in the
 * figures), then the law is fitted in relative error with non-negative terms. With a single batch size the 1/B
 * terms cannot be told apart from the constants and are left out. The provenance of every energy it gives is
 * {@code model}, naming the measurements' own source (for a CPU sweep, the CPU-time estimate).
 *
 * <h2>Interval</h2>
 * Per phase, the root mean square of the leave-one-cell-out log residuals s (each cell predicted by a fit without
 * it; the in-sample residuals when there are too few cells to leave one out, and then flagged); the 90 % interval is
 * {@code x·exp(±1.645·s)} per phase, assuming normal log errors, and the phases' ends add (one systematic error).
 */
public final class SweepEnergyModel {
    /**
     * One measured cell, averaged over its usable repeats.
     *
     * @param input    prompt tokens I
     * @param output   generated tokens O
     * @param batch    batch size B
     * @param prefillJ prefill energy per request, J (NaN when no repeat has a usable one)
     * @param decodeJ  decode energy per request, J (NaN when no repeat has a usable one, or O = 1)
     */
    public record Point(int input, int output, int batch, double prefillJ, double decodeJ) {}

    private final PhaseEnergyLaw law;
    private final List<Point> points;
    private final String configuration;
    private final String measuredSource;
    private final int maxInput;
    private final int maxOutput;
    private final Set<Integer> batches;
    private final double prefillLogSigma;
    private final double decodeLogSigma;
    private final boolean heldOut;

    private SweepEnergyModel(PhaseEnergyLaw law, List<Point> points, String configuration, String measuredSource,
                             double prefillLogSigma, double decodeLogSigma, boolean heldOut) {
        this.law = law;
        this.points = List.copyOf(points);
        this.configuration = configuration;
        this.measuredSource = measuredSource;
        this.maxInput = points.stream().mapToInt(Point::input).max().orElse(0);
        this.maxOutput = points.stream().mapToInt(Point::output).max().orElse(0);
        this.batches = new LinkedHashSet<>(points.stream().map(Point::batch).sorted().toList());
        this.prefillLogSigma = prefillLogSigma;
        this.decodeLogSigma = decodeLogSigma;
        this.heldOut = heldOut;
    }

    /**
     * Fits the model to the measurement records of a sweep of ONE configuration (failure records are skipped).
     *
     * @throws IllegalArgumentException when the records mix configurations (models, devices, dtypes, engines,
     *                                  options or decoding strategies), or have too few usable cells for a phase
     */
    public static SweepEnergyModel fit(List<ResultRecord> records) {
        RepeatAverages.requireOneConfiguration(records, "fitting a sweep energy model");
        List<Point> points = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        String configuration = null;
        for (List<ResultRecord> cell : RepeatAverages.byCell(records).values()) {
            ResultRecord first = cell.get(0);
            configuration = RepeatAverages.configuration(first.cell());
            RepeatAverages.Mean pre = RepeatAverages.mean(cell, r -> r.measurement().energy().prefill().gross(),
                    EnergyAmounts::perRequestJ);
            RepeatAverages.Mean dec = first.cell().output() > 1
                    ? RepeatAverages.mean(cell, r -> r.measurement().energy().decode().gross(), EnergyAmounts::perRequestJ)
                    : null;
            for (ResultRecord r : cell) {
                EnergyAmounts p = r.measurement().energy().prefill().gross();
                if (RepeatAverages.whyUnusable(p, p.perRequestJ()) == null) sources.add(p.provenance().source().label());
            }
            points.add(new Point(first.cell().input(), first.cell().output(), first.measurement().batchSize(),
                    pre.value().orElse(Double.NaN), dec == null ? Double.NaN : dec.value().orElse(Double.NaN)));
        }
        boolean oneBatch = points.stream().map(Point::batch).distinct().count() < 2;
        PhaseEnergyLaw law = fitLaw(points, oneBatch);
        double[] looPrefill = leaveOneOut(points, oneBatch, true);
        double[] looDecode = leaveOneOut(points, oneBatch, false);
        boolean heldOut = looPrefill != null && looDecode != null;
        double sp = looPrefill != null ? rms(looPrefill) : rms(inSample(law, points, true));
        double sd = looDecode != null ? rms(looDecode) : rms(inSample(law, points, false));
        return new SweepEnergyModel(law, points, configuration == null ? "none" : configuration,
                sources.isEmpty() ? "unknown" : String.join("+", sources), sp, sd, heldOut);
    }

    private static PhaseEnergyLaw fitLaw(List<Point> points, boolean oneBatch) {
        List<double[]> pa = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<double[]> da = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (Point p : points) {
            if (!Double.isNaN(p.prefillJ())) {
                pa.add(PhaseEnergyLaw.prefillRow(p.input(), p.batch()));
                py.add(p.prefillJ());
            }
            if (!Double.isNaN(p.decodeJ())) {
                da.add(PhaseEnergyLaw.decodeRow(p.input(), p.output() - 1, p.batch()));
                dy.add(p.decodeJ());
            }
        }
        return PhaseEnergyLaw.fit(pa, py, da, dy, oneBatch);
    }

    /** @return ln(predicted / measured) of each cell of a phase by a fit without it, or null when too few cells */
    private static double[] leaveOneOut(List<Point> points, boolean oneBatch, boolean prefill) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            Point held = points.get(k);
            double measured = prefill ? held.prefillJ() : held.decodeJ();
            if (Double.isNaN(measured)) continue;
            List<Point> rest = new ArrayList<>(points);
            rest.remove(k);
            PhaseEnergyLaw l;
            try {
                l = fitLaw(rest, oneBatch);
            } catch (IllegalArgumentException tooFew) {
                return null;
            }
            double predicted = prefill ? l.prefillJoules(held.input(), held.batch())
                    : l.decodeJoules(held.input(), held.output(), held.batch());
            if (!(predicted > 0)) return null;
            out.add(Math.log(predicted / measured));
        }
        return out.isEmpty() ? null : out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] inSample(PhaseEnergyLaw law, List<Point> points, boolean prefill) {
        return points.stream().filter(p -> !Double.isNaN(prefill ? p.prefillJ() : p.decodeJ()))
                .mapToDouble(p -> Math.log((prefill ? law.prefillJoules(p.input(), p.batch())
                        : law.decodeJoules(p.input(), p.output(), p.batch())) / (prefill ? p.prefillJ() : p.decodeJ())))
                .toArray();
    }

    /** @return the fitted law */
    public PhaseEnergyLaw law() { return law; }

    /** @return prefill energy per request, J */
    public double prefillJoulesPerRequest(int inputTokens, int batch) { return law.prefillJoules(inputTokens, batch); }

    /** @return decode energy per request for O − 1 decode tokens, J (0 for O = 1: no decode step) */
    public double decodeJoulesPerRequest(int inputTokens, int outputTokens, int batch) {
        return law.decodeJoules(inputTokens, outputTokens, batch);
    }

    /** @return prefill + decode per request, J */
    public double requestJoules(int inputTokens, int outputTokens, int batch) { return law.requestJoules(inputTokens, outputTokens, batch); }

    /** @return the cells the model was fitted to */
    public List<Point> points() { return points; }

    /** @return the configuration measured (engine|model|device|dtype|options|decoding) */
    public String configuration() { return configuration; }

    /** @return the largest batch size measured */
    public int largestBatch() { return batches.stream().mapToInt(Integer::intValue).max().orElseThrow(); }

    /** @return root mean square of ln(fit / measured) over the prefill points (in sample) */
    public double prefillRmsLogResidual() { return rms(inSample(law, points, true)); }

    /** @return root mean square of ln(fit / measured) over the decode points (in sample) */
    public double decodeRmsLogResidual() { return rms(inSample(law, points, false)); }

    /** @return the log sigma of prefill behind the interval (leave-one-cell-out where possible) */
    public double prefillLogSigma() { return prefillLogSigma; }

    /** @return the log sigma of decode behind the interval */
    public double decodeLogSigma() { return decodeLogSigma; }

    /** @return true when the sigmas come from leave-one-cell-out residuals, false when in-sample */
    public boolean heldOut() { return heldOut; }

    /** @return why a use at (I, O, B) lies outside what was measured; empty inside */
    public List<String> extrapolationFlags(int inputTokens, int outputTokens, int batch) {
        List<String> flags = new ArrayList<>();
        if (inputTokens > maxInput) flags.add("input beyond the largest measured (" + maxInput + ")");
        if (outputTokens > maxOutput) flags.add("output beyond the largest measured (" + maxOutput + ")");
        if (!batches.contains(batch)) flags.add("batch " + batch + " not measured (measured: " + batches + ")");
        return flags;
    }

    /** One full batch of the bin's shape, with provenance {@code model} naming the fit and its flags. */
    public BatchEnergy batchEnergy(int inputBin, int outputBin, int batch) {
        double joules = batch * requestJoules(inputBin, outputBin, batch);
        List<String> outside = extrapolationFlags(inputBin, outputBin, batch);
        Provenance.Builder p = Provenance.builder().setSource(Provenance.Source.MODEL)
                .optReason("modelled from our measurements (" + measuredSource + "), not measured at this bin")
                .optReasons(outside).optDetails(details()).optDerivedFrom(List.of(fitProvenance()));
        if (!outside.isEmpty()) p.optFlag(Provenance.Flag.EXTRAPOLATED);
        return new BatchEnergy(inputBin, outputBin, batch, joules, p.build());
    }

    /** The fit's own provenance: what its outputs are derived from. */
    private Provenance fitProvenance() {
        return Provenance.builder().setSource(Provenance.Source.MODEL)
                .optReason("modelled from our measurements (" + measuredSource + ")").optDetails(details()).build();
    }

    private Map<String, String> details() {
        Map<String, String> details = new TreeMap<>();
        details.put("model", "fit to " + points.size() + " measured cells (" + measuredSource + ")");
        details.put("configuration", configuration);
        details.put("prefill", law.describePrefill());
        details.put("decode", law.describeDecode());
        details.put("prefill_rms_log_residual", String.format(Locale.ROOT, "%.4f", prefillRmsLogResidual()));
        details.put("decode_rms_log_residual", String.format(Locale.ROOT, "%.4f", decodeRmsLogResidual()));
        details.put("interval", String.format(Locale.ROOT, "90%%: exp(+-1.645 s), s = %.4f prefill, %.4f decode (%s)",
                prefillLogSigma, decodeLogSigma, heldOut ? "leave-one-cell-out" : "in-sample: too few cells to hold one out"));
        return details;
    }

    /**
     * @param batch the static batch size every request is served at
     * @return this fit as an {@link EnergyModel} (source {@code sweep-fit})
     */
    public EnergyModel atBatch(int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        return new StaticBatchLaw("sweep-fit", law, batch, prefillLogSigma, decodeLogSigma,
                fitProvenance(),
                this::extrapolationFlags,
                heldOut ? List.of() : List.of(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION,
                        "interval from in-sample residuals: too few sweep cells to hold one out")));
    }

    /** @return the fitted terms, for display */
    public String describe() {
        return "prefill: " + law.describePrefill() + "; decode: " + law.describeDecode()
                + String.format(Locale.ROOT, "; rms ln residual prefill %.3f, decode %.3f", prefillRmsLogResidual(),
                decodeRmsLogResidual());
    }

    private static double rms(double[] v) {
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s / v.length);
    }
}
