package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.llmenergy.experiment.EnergyAmounts;
import org.llmenergy.experiment.ResultRecord;
import org.llmenergy.units.Provenance;

/**
 * An energy model fitted to our own controlled-sweep measurements, so measured cells can be applied to every
 * bin of a trace, including bins that were not run (each such use is flagged).
 *
 * <p>Same form as the paper's Figure 2 fit ({@link org.llmenergy.estimate.paper.Figure2Fit}), in joules per
 * request at batch size B, with n = O − 1 decode tokens:
 * <pre>
 *   prefill(I, B)   = a / B + b + k1·I + k2·I²
 *   decode(I, n, B) = n · (c / B + d) + e · (n·I + n(n+1)/2)
 * </pre>
 * fitted by least squares in relative error to the mean over repeats of each cell's prefill energy (the
 * one-token run) and decode energy (full run minus prefill run). Terms are kept non-negative: a coefficient
 * that comes out negative is fixed at 0 and the rest refitted. With a single batch size the 1/B terms cannot be
 * told apart from the constants and are left out. The provenance of every energy it gives is {@code model},
 * naming the measurements' own source (for a CPU sweep, the CPU-time estimate).
 */
public final class SweepEnergyModel {
    private static final String[] PREFILL_TERMS = {"a/B", "b", "k1*I", "k2*I^2"};
    private static final String[] DECODE_TERMS = {"n*c/B", "n*d", "e*(n*I+n(n+1)/2)"};

    /**
     * One measured cell, averaged over its repeats.
     *
     * @param input    prompt tokens I
     * @param output   generated tokens O
     * @param batch    batch size B
     * @param prefillJ prefill energy per request, J (NaN when missing or not positive)
     * @param decodeJ  decode energy per request, J (NaN when missing, not positive, or O = 1)
     */
    public record Point(int input, int output, int batch, double prefillJ, double decodeJ) {}

    private final double[] prefill;
    private final double[] decode;
    private final List<Point> points;
    private final String measuredSource;
    private final int maxInput;
    private final int maxOutput;
    private final Set<Integer> batches;

    private SweepEnergyModel(double[] prefill, double[] decode, List<Point> points, String measuredSource) {
        this.prefill = prefill;
        this.decode = decode;
        this.points = List.copyOf(points);
        this.measuredSource = measuredSource;
        this.maxInput = points.stream().mapToInt(Point::input).max().orElse(0);
        this.maxOutput = points.stream().mapToInt(Point::output).max().orElse(0);
        this.batches = new LinkedHashSet<>(points.stream().map(Point::batch).sorted().toList());
    }

    /**
     * Fits the model to the measurement records of a sweep (failures and non-greedy cells are skipped).
     *
     * @throws IllegalArgumentException when there are too few usable cells for either phase
     */
    public static SweepEnergyModel fit(List<ResultRecord> records) {
        Map<String, double[]> sums = new TreeMap<>();   // key -> {I, O, B, prefillSum, prefillN, decodeSum, decodeN}
        Set<String> sources = new LinkedHashSet<>();
        for (ResultRecord r : records) {
            if (!ResultRecord.MEASUREMENT.equals(r.type()) || r.measurement() == null) continue;
            if (!"greedy".equals(r.cell().decoding().strategy())) continue;
            var m = r.measurement();
            String key = r.cell().input() + "|" + r.cell().output() + "|" + m.batchSize();
            double[] s = sums.computeIfAbsent(key, k -> new double[] {r.cell().input(), r.cell().output(), m.batchSize(), 0, 0, 0, 0});
            EnergyAmounts p = m.energy().prefill().gross();
            if (p.perRequestJ() != null && p.perRequestJ() > 0) {
                s[3] += p.perRequestJ();
                s[4]++;
                if (p.provenance() != null) sources.add(p.provenance().source().label());
            }
            EnergyAmounts d = m.energy().decode().gross();
            if (r.cell().output() > 1 && d.perRequestJ() != null && d.perRequestJ() > 0) {
                s[5] += d.perRequestJ();
                s[6]++;
            }
        }
        List<Point> points = new ArrayList<>();
        for (double[] s : sums.values()) {
            points.add(new Point((int) s[0], (int) s[1], (int) s[2], s[4] > 0 ? s[3] / s[4] : Double.NaN,
                    s[6] > 0 ? s[5] / s[6] : Double.NaN));
        }
        boolean oneBatch = points.stream().map(Point::batch).distinct().count() < 2;
        List<double[]> pa = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<double[]> da = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (Point p : points) {
            if (!Double.isNaN(p.prefillJ())) {
                pa.add(prefillRow(p.input(), p.batch()));
                py.add(p.prefillJ());
            }
            if (!Double.isNaN(p.decodeJ())) {
                da.add(decodeRow(p.input(), p.output() - 1, p.batch()));
                dy.add(p.decodeJ());
            }
        }
        boolean[] prefillFixed = {oneBatch, false, false, false};
        boolean[] decodeFixed = {oneBatch, false, false};
        double[] pre = nonNegativeFit(pa, py, prefillFixed, "prefill");
        double[] dec = nonNegativeFit(da, dy, decodeFixed, "decode");
        return new SweepEnergyModel(pre, dec, points, sources.isEmpty() ? "unknown" : String.join("+", sources));
    }

    private static double[] prefillRow(double input, double batch) { return new double[] {1 / batch, 1, input, input * input}; }

    private static double[] decodeRow(double input, double n, double batch) {
        return new double[] {n / batch, n, n * input + n * (n + 1) / 2};
    }

    /** Relative least squares over the free columns; a negative coefficient is fixed at 0 and the rest refitted. */
    private static double[] nonNegativeFit(List<double[]> rows, List<Double> y, boolean[] fixed, String phase) {
        int n = fixed.length;
        boolean[] zero = fixed.clone();
        while (true) {
            List<Integer> free = new ArrayList<>();
            for (int j = 0; j < n; j++) if (!zero[j]) free.add(j);
            if (free.isEmpty()) throw new IllegalArgumentException("no " + phase + " term stays non-negative");
            if (rows.size() < free.size()) {
                throw new IllegalArgumentException("need at least " + free.size() + " measured cells with a positive "
                        + phase + " energy, got " + rows.size());
            }
            double[][] a = new double[rows.size()][free.size()];
            for (int i = 0; i < rows.size(); i++) for (int k = 0; k < free.size(); k++) a[i][k] = rows.get(i)[free.get(k)];
            double[] theta = RelativeLeastSquares.solve(a, y.stream().mapToDouble(Double::doubleValue).toArray());
            int worst = -1;
            for (int k = 0; k < theta.length; k++) if (theta[k] < 0 && (worst < 0 || theta[k] < theta[worst])) worst = k;
            if (worst < 0) {
                double[] full = new double[n];
                for (int k = 0; k < free.size(); k++) full[free.get(k)] = theta[k];
                return full;
            }
            zero[free.get(worst)] = true;
        }
    }

    /** @return prefill energy per request, J */
    public double prefillJoulesPerRequest(int inputTokens, int batch) { return dot(prefill, prefillRow(inputTokens, batch)); }

    /** @return decode energy per request for O − 1 decode tokens, J (0 for O = 1: no decode step) */
    public double decodeJoulesPerRequest(int inputTokens, int outputTokens, int batch) {
        return outputTokens <= 1 ? 0 : dot(decode, decodeRow(inputTokens, outputTokens - 1, batch));
    }

    /** @return prefill + decode per request, J */
    public double requestJoules(int inputTokens, int outputTokens, int batch) {
        return prefillJoulesPerRequest(inputTokens, batch) + decodeJoulesPerRequest(inputTokens, outputTokens, batch);
    }

    /** @return the cells the model was fitted to */
    public List<Point> points() { return points; }

    /** @return root mean square of ln(fit / measured) over the prefill points */
    public double prefillRmsLogResidual() {
        return rms(points.stream().filter(p -> !Double.isNaN(p.prefillJ()))
                .mapToDouble(p -> Math.log(prefillJoulesPerRequest(p.input(), p.batch()) / p.prefillJ())).toArray());
    }

    /** @return root mean square of ln(fit / measured) over the decode points */
    public double decodeRmsLogResidual() {
        return rms(points.stream().filter(p -> !Double.isNaN(p.decodeJ()))
                .mapToDouble(p -> Math.log(decodeJoulesPerRequest(p.input(), p.output(), p.batch()) / p.decodeJ())).toArray());
    }

    /** @return why a use at (I, O, B) lies outside what was measured; empty inside */
    public List<String> extrapolationFlags(int inputTokens, int outputTokens, int batch) {
        List<String> flags = new ArrayList<>();
        if (inputTokens > maxInput) flags.add("input " + inputTokens + " beyond the largest measured (" + maxInput + ")");
        if (outputTokens > maxOutput) flags.add("output " + outputTokens + " beyond the largest measured (" + maxOutput + ")");
        if (!batches.contains(batch)) flags.add("batch " + batch + " not measured (measured: " + batches + ")");
        return flags;
    }

    /** One full batch of the bin's shape, with provenance {@code model} naming the fit and its flags. */
    public BatchEnergy batchEnergy(int inputBin, int outputBin, int batch) {
        double joules = batch * requestJoules(inputBin, outputBin, batch);
        Map<String, String> details = new TreeMap<>();
        details.put("model", "fit to " + points.size() + " measured cells (" + measuredSource + ")");
        details.put("prefill", terms(PREFILL_TERMS, prefill));
        details.put("decode", terms(DECODE_TERMS, decode));
        details.put("prefill_rms_log_residual", String.format(Locale.ROOT, "%.4f", prefillRmsLogResidual()));
        details.put("decode_rms_log_residual", String.format(Locale.ROOT, "%.4f", decodeRmsLogResidual()));
        List<String> reasons = new ArrayList<>();
        reasons.add("modelled from our measurements (" + measuredSource + "), not measured at this bin");
        reasons.addAll(extrapolationFlags(inputBin, outputBin, batch));
        Provenance p = new Provenance(Provenance.Source.MODEL, List.of(), null, null, null, null, false, true, reasons, details);
        return new BatchEnergy(inputBin, outputBin, batch, joules, p);
    }

    /** @return the fitted terms, for display */
    public String describe() {
        return "prefill: " + terms(PREFILL_TERMS, prefill) + "; decode: " + terms(DECODE_TERMS, decode)
                + String.format(Locale.ROOT, "; rms ln residual prefill %.3f, decode %.3f", prefillRmsLogResidual(),
                decodeRmsLogResidual());
    }

    private static String terms(String[] names, double[] coef) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) b.append(", ");
            b.append(names[i]).append('=').append(String.format(Locale.ROOT, "%.4g", coef[i]));
        }
        return b.toString();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double rms(double[] v) {
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s / v.length);
    }
}
