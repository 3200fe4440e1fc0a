package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-request energy law of a statically batched server, in joules per request at batch size B, with
 * n = O − 1 decode tokens (the first output token comes from prefill):
 * <pre>
 *   prefill(I, B)   = a / B + b + k1·I + k2·I²
 *   decode(I, n, B) = n · (c / B + d) + e · (n·I + n(n+1)/2)
 * </pre>
 * {@code a} is a per-forward cost shared by the batch (weights streamed, kernel launches), {@code b} a per-request
 * floor, {@code k1} the per-prompt-token compute, {@code k2} causal attention's quadratic term; {@code c} the
 * per-step weight streaming shared by the batch, {@code d} the per-token compute, and {@code e} the per-step read
 * of one cached token (summed over the steps' contexts I + t). The paper's Figure-2 fit and the fit to our own
 * sweep are both this law; {@link #fit} fits it, each phase linear in its coefficients, by least squares in
 * relative error with every coefficient kept non-negative.
 *
 * @param perForward       a, J per request x B
 * @param perRequest       b, J per request
 * @param perPromptToken   k1, J per prompt token
 * @param perPromptTokenSquared k2, J per prompt token squared
 * @param perStep          c, J per decode step x B
 * @param perDecodeToken   d, J per decode token
 * @param perContextToken  e, J per cached token read in a decode step
 */
public record PhaseEnergyLaw(double perForward, double perRequest, double perPromptToken, double perPromptTokenSquared,
                             double perStep, double perDecodeToken, double perContextToken) {
    /** Names of the prefill terms, in {@link #prefillRow} order. */
    public static final List<String> PREFILL_TERMS = List.of("a/B", "b", "k1*I", "k2*I^2");
    /** Names of the decode terms, in {@link #decodeRow} order. */
    public static final List<String> DECODE_TERMS = List.of("n*c/B", "n*d", "e*(n*I+n(n+1)/2)");

    public PhaseEnergyLaw {
        for (double v : new double[] {perForward, perRequest, perPromptToken, perPromptTokenSquared, perStep, perDecodeToken, perContextToken}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("energy-law coefficients must be finite and >= 0, got " + v);
            }
        }
    }

    /** @return the prefill design row {1/B, 1, I, I²} */
    public static double[] prefillRow(double input, double batch) { return new double[] {1 / batch, 1, input, input * input}; }

    /** @return the decode design row {n/B, n, n·I + n(n+1)/2} */
    public static double[] decodeRow(double input, double n, double batch) {
        return new double[] {n / batch, n, n * input + n * (n + 1) / 2};
    }

    /** @return prefill energy per request, in joules */
    public double prefillJoules(double input, double batch) {
        return perForward / batch + perRequest + perPromptToken * input + perPromptTokenSquared * input * input;
    }

    /**
     * @param input  prompt length I
     * @param n      decode tokens, O − 1
     * @param batch  batch size B
     * @return decode energy per request, in joules (0 for n = 0)
     */
    public double decodeTokensJoules(double input, double n, double batch) {
        return n * (perStep / batch + perDecodeToken) + perContextToken * (n * input + n * (n + 1) / 2);
    }

    /** @return decode energy per request for O generated tokens (O − 1 decode steps), in joules; 0 for O ≤ 1 */
    public double decodeJoules(int input, int output, int batch) {
        return output <= 1 ? 0 : decodeTokensJoules(input, output - 1.0, batch);
    }

    /** @return prefill + decode per request, in joules */
    public double requestJoules(int input, int output, int batch) {
        return prefillJoules(input, batch) + decodeJoules(input, output, batch);
    }

    /** @return the prefill terms the law attributes to memory traffic (a/B), in joules per request */
    public double prefillMemoryJoules(int batch) { return perForward / batch; }

    /** @return the decode terms the law attributes to memory traffic (n·c/B + e·(n·I + n(n+1)/2)), in joules per request */
    public double decodeMemoryJoules(int input, int output, int batch) {
        double n = Math.max(0, output - 1.0);
        return n * perStep / batch + perContextToken * (n * input + n * (n + 1) / 2);
    }

    /**
     * Fits the law: each phase by relative least squares over its free terms; a term that comes out negative is
     * fixed at 0 and the rest refitted.
     *
     * @param prefillRows  {@link #prefillRow} per observation
     * @param prefillJ     observed prefill J per request (> 0)
     * @param decodeRows   {@link #decodeRow} per observation
     * @param decodeJ      observed decode J per request (> 0)
     * @param fixPerBatch  true to leave out a and c (a single batch size cannot tell them from b and d)
     * @return the law
     * @throws IllegalArgumentException when a phase has fewer observations than free terms
     */
    public static PhaseEnergyLaw fit(List<double[]> prefillRows, List<Double> prefillJ, List<double[]> decodeRows,
                                     List<Double> decodeJ, boolean fixPerBatch) {
        double[] p = nonNegativeFit(prefillRows, prefillJ, new boolean[] {fixPerBatch, false, false, false}, "prefill");
        double[] d = nonNegativeFit(decodeRows, decodeJ, new boolean[] {fixPerBatch, false, false}, "decode");
        return new PhaseEnergyLaw(p[0], p[1], p[2], p[3], d[0], d[1], d[2]);
    }

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

    /** @return the prefill terms, for display, for example {@code a/B=1.2, b=0.3, ...} */
    public String describePrefill() {
        return terms(PREFILL_TERMS, new double[] {perForward, perRequest, perPromptToken, perPromptTokenSquared});
    }

    /** @return the decode terms, for display */
    public String describeDecode() { return terms(DECODE_TERMS, new double[] {perStep, perDecodeToken, perContextToken}); }

    private static String terms(List<String> names, double[] coef) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(names.get(i)).append('=').append(String.format(Locale.ROOT, "%.4g", coef[i]));
        }
        return b.toString();
    }
}
