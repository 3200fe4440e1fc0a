package org.llmenergy.estimate.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.estimate.PhaseEnergyLaw;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Provenance;

/**
 * An energy model of the paper's RTX A6000 / vLLM / Llama-3.1-8B setting, fitted to the values digitised from
 * Figure 2 (Fernandez et al., ACL 2025), so the paper's own per-bin energies can be applied to any trace's bins.
 *
 * <h2>The model (joules per request, batch size B)</h2>
 * <pre>
 *   prefill(I, B)   = a / B + b + k1·I + k2·I²
 *   decode(I, n, B) = n · (c / B + d) + e · (n·I + n(n+1)/2)        n = O − 1 decode tokens
 * </pre>
 * {@code a} is a per-forward cost shared by the batch (weights streamed, kernel launches), {@code b} a per-request
 * floor, {@code k1} the per-prompt-token compute, {@code k2} causal attention's quadratic term; {@code c} is the
 * per-step weight streaming shared by the batch, {@code d} the per-token compute, and {@code e} the per-step read
 * of one cached token (the sum over steps of the context I + t). Each phase is linear in its coefficients and is
 * fitted by least squares in relative error (the figure is log-scaled). The form follows the figure's own
 * statements: prefill curves of all batch sizes merge above ~128 tokens (only the constant depends on B),
 * decode curves are parallel lines with gaps set by the batch size.
 *
 * <h2>Data and assumptions</h2>
 * <ul>
 *   <li>Values are read off the figure (about ±10–20% on log axes), in kWh per 1,024 examples, converted at
 *       3.6e6 / 1,024 J per request per unit.</li>
 *   <li>The decode-vs-output panel is taken to be at a fixed 512-token prompt (the paper fixes the input at 512
 *       or 64 when output varies). Placing it at 512 lets the fitted model reproduce the decode-vs-input
 *       panel's flat values, which were not fitted (held-out residuals below 10% at batch 1 to 128 when those
 *       are placed at a 64-token prompt).</li>
 *   <li>The single-decode-token points (x = 1) of the decode-vs-output panel are excluded by default: they are
 *       the difference between a two-token and a one-token run, dominated by run-to-run noise, and sit
 *       up to 2x off the straight lines through the other points. {@link #fit(PaperNumbers, boolean)} can
 *       include them.</li>
 *   <li>The decode-vs-input panel's 32k reading ("all converge to ~0.03–0.04") is checked for batch 64 and 128
 *       only: for batch 1 the same panel's flat value of 0.1 at short prompts would make a lower value at 32k
 *       unphysical, so that part of the reading is taken to describe the large batches.</li>
 *   <li>Fitted range: prompts 1 to 32,768 tokens, 63 to 4,095 decode tokens, batch sizes 1 to 128.
 *       {@link #extrapolationFlags(int, int, int)} names every use outside it.</li>
 * </ul>
 */
public final class Figure2Fit {
    /** Joules per request for one "kWh per 1,024 examples", the figure's unit. */
    public static final double JOULES_PER_REQUEST_PER_FIGURE_UNIT = Energy.JOULES_PER_KWH / 1024;
    /** The prompt length assumed for the decode-vs-output panel, in tokens. */
    public static final int DECODE_PANEL_INPUT_TOKENS = 512;
    /** The prompt length assumed for the decode-vs-input panel's flat ("short inputs") readings, in tokens. */
    public static final int DECODE_PANEL_SHORT_INPUT_TOKENS = 64;
    /** The digitisation error of reading a log-scaled figure, in ln units (±15%, the middle of the digest's ±10–20%). */
    public static final double DIGITIZATION_LOG_ERROR = Math.log(1.15);
    /** Largest batch size in Figure 2. */
    public static final int MAX_FITTED_BATCH = 128;
    /** Longest prompt in Figure 2, in tokens. */
    public static final int MAX_FITTED_INPUT = 32768;
    /** Most decode tokens in Figure 2. */
    public static final int MAX_FITTED_DECODE = 4095;

    static final String PREFILL_PANEL = "prefill vs input";
    static final String DECODE_OUTPUT_PANEL = "decode vs output";
    static final String DECODE_INPUT_PANEL = "decode vs input (64 output tokens)";

    private final PhaseEnergyLaw law;
    private final List<FitResidual> residuals;
    private final boolean singleTokenDecodeIncluded;

    private Figure2Fit(PhaseEnergyLaw law, List<FitResidual> residuals, boolean singleTokenDecodeIncluded) {
        this.law = law;
        this.residuals = List.copyOf(residuals);
        this.singleTokenDecodeIncluded = singleTokenDecodeIncluded;
    }

    /** @return the default fit: single-decode-token points excluded */
    public static Figure2Fit fit(PaperNumbers paper) { return fit(paper, false); }

    /**
     * @param paper                      the paper's numbers (Figure 2 is read from them)
     * @param includeSingleTokenDecode   true to fit the decode panel's x = 1 points too
     * @return the fitted model with its residuals
     * @throws IllegalStateException when a coefficient comes out negative (the data would contradict the model)
     */
    public static Figure2Fit fit(PaperNumbers paper, boolean includeSingleTokenDecode) {
        PaperFigure fig = paper.figure(2);
        double u = JOULES_PER_REQUEST_PER_FIGURE_UNIT;

        List<double[]> pa = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<int[]> pAt = new ArrayList<>();
        for (PaperSeries s : fig.panel(PREFILL_PANEL)) {
            int b = batchOf(s);
            for (PaperPoint p : s.points()) {
                double i = p.x().orElseThrow();
                pa.add(PhaseEnergyLaw.prefillRow(i, b));
                py.add(p.y() * u);
                pAt.add(new int[] {b, (int) i});
            }
        }
        List<double[]> da = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (PaperSeries s : fig.panel(DECODE_OUTPUT_PANEL)) {
            int b = batchOf(s);
            for (PaperPoint p : s.points()) {
                double n = p.x().orElseThrow();
                if (n < 2 && !includeSingleTokenDecode) continue;
                da.add(PhaseEnergyLaw.decodeRow(DECODE_PANEL_INPUT_TOKENS, n, b));
                dy.add(p.y() * u);
            }
        }
        // Every term of this form comes out positive on the digitised values, so the non-negative fit is the
        // plain least-squares fit here.
        PhaseEnergyLaw law = PhaseEnergyLaw.fit(pa, py, da, dy, false);

        Figure2Fit model = new Figure2Fit(law, List.of(), includeSingleTokenDecode);
        List<FitResidual> res = new ArrayList<>();
        for (int k = 0; k < pAt.size(); k++) {
            int b = pAt.get(k)[0];
            int i = pAt.get(k)[1];
            res.add(new FitResidual(PREFILL_PANEL, b, i, py.get(k) / u, model.prefillJoulesPerRequest(i, b) / u,
                    FitResidual.Role.FITTED, ""));
        }
        for (PaperSeries s : fig.panel(DECODE_OUTPUT_PANEL)) {
            int b = batchOf(s);
            for (PaperPoint p : s.points()) {
                int n = (int) p.x().orElseThrow();
                boolean used = n >= 2 || includeSingleTokenDecode;
                res.add(new FitResidual(DECODE_OUTPUT_PANEL, b, n, p.y(),
                        model.decodeTokensJoulesPerRequest(DECODE_PANEL_INPUT_TOKENS, n, b) / u,
                        used ? FitResidual.Role.FITTED : FitResidual.Role.EXCLUDED,
                        used ? "prompt assumed 512 tokens" : "single decode token: difference of two near-equal runs"));
            }
        }
        for (PaperSeries s : fig.panel(DECODE_INPUT_PANEL)) {
            for (PaperPoint p : s.points()) {
                if (s.batchSize().isPresent()) {
                    int b = s.batchSize().getAsInt();
                    res.add(new FitResidual(DECODE_INPUT_PANEL, b, DECODE_PANEL_SHORT_INPUT_TOKENS, p.y(),
                            model.decodeTokensJoulesPerRequest(DECODE_PANEL_SHORT_INPUT_TOKENS, 63, b) / u,
                            FitResidual.Role.HELD_OUT, "flat-region reading placed at a 64-token prompt; 63 decode tokens"));
                } else {
                    int i = (int) p.x().orElseThrow();
                    for (int b : new int[] {64, 128}) {
                        res.add(new FitResidual(DECODE_INPUT_PANEL, b, i, p.y(),
                                model.decodeTokensJoulesPerRequest(i, 63, b) / u, FitResidual.Role.HELD_OUT,
                                "'all converge to ~0.03-0.04 at 32k', checked for the large batches"));
                    }
                }
            }
        }
        return new Figure2Fit(law, res, includeSingleTokenDecode);
    }

    private static int batchOf(PaperSeries s) {
        return s.batchSize().orElseThrow(() -> new IllegalStateException("Figure 2 series '" + s.name() + "' has no batch size"));
    }

    /** @return the fitted law (joules per request) */
    public PhaseEnergyLaw law() { return law; }

    /** @return true when the single-decode-token points were fitted */
    public boolean singleTokenDecodeIncluded() { return singleTokenDecodeIncluded; }

    /** @return every digitised point with the model's value: fitted, excluded and held-out */
    public List<FitResidual> residuals() { return residuals; }

    /**
     * @param panel a Figure 2 panel name, or null for all
     * @param role  which points
     * @return root mean square of ln(fitted / observed) over those points; NaN when there are none
     */
    public double rmsLogResidual(String panel, FitResidual.Role role) {
        double s = 0;
        int n = 0;
        for (FitResidual r : residuals) {
            if (r.role() != role || (panel != null && !panel.equals(r.panel()))) continue;
            s += r.logResidual() * r.logResidual();
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(s / n);
    }

    /** @return RMS log residual of the fitted prefill points */
    public double prefillRmsLogResidual() { return rmsLogResidual(PREFILL_PANEL, FitResidual.Role.FITTED); }

    /** @return RMS log residual of the fitted decode points */
    public double decodeRmsLogResidual() { return rmsLogResidual(DECODE_OUTPUT_PANEL, FitResidual.Role.FITTED); }

    /**
     * Prefill's log sigma for intervals: the fitted prefill points' RMS log residual (Figure 2 has no other prefill
     * values to hold out) combined with the digitisation error, {@code sqrt(s_fit² + s_dig²)}.
     *
     * @return ln units
     */
    public double prefillLogSigma() { return Math.hypot(prefillRmsLogResidual(), DIGITIZATION_LOG_ERROR); }

    /**
     * Decode's log sigma for intervals: the larger of the fitted decode points' RMS log residual and the held-out
     * decode-vs-input panel's, combined with the digitisation error.
     *
     * @return ln units
     */
    public double decodeLogSigma() {
        double heldOut = rmsLogResidual(DECODE_INPUT_PANEL, FitResidual.Role.HELD_OUT);
        double s = Double.isNaN(heldOut) ? decodeRmsLogResidual() : Math.max(decodeRmsLogResidual(), heldOut);
        return Math.hypot(s, DIGITIZATION_LOG_ERROR);
    }

    /**
     * @param inputTokens prompt length I
     * @param batch       batch size B
     * @return prefill energy per request, in joules
     */
    public double prefillJoulesPerRequest(int inputTokens, int batch) { return law.prefillJoules(inputTokens, batch); }

    /**
     * @param inputTokens  prompt length I
     * @param outputTokens generated tokens O (O − 1 decode tokens; the first comes from prefill)
     * @param batch        batch size B
     * @return decode energy per request, in joules
     */
    public double decodeJoulesPerRequest(int inputTokens, int outputTokens, int batch) {
        return decodeTokensJoulesPerRequest(inputTokens, outputTokens - 1, batch);
    }

    private double decodeTokensJoulesPerRequest(double input, double n, double batch) {
        return law.decodeTokensJoules(input, n, batch);
    }

    /**
     * The part of {@link #requestJoules} the model attributes to memory traffic: the per-forward and per-step
     * terms shared by the batch (weights streamed) and the KV-cache reads, {@code a/B + n·c/B + e·(n·I + n(n+1)/2)}.
     *
     * @return joules per request
     */
    public double memoryBoundJoulesPerRequest(int inputTokens, int outputTokens, int batch) {
        return law.prefillMemoryJoules(batch) + law.decodeMemoryJoules(inputTokens, outputTokens, batch);
    }

    /**
     * The part of {@link #requestJoules} the model attributes to arithmetic: {@code b + k1·I + k2·I² + n·d}.
     *
     * @return joules per request
     */
    public double computeBoundJoulesPerRequest(int inputTokens, int outputTokens, int batch) {
        return requestJoules(inputTokens, outputTokens, batch) - memoryBoundJoulesPerRequest(inputTokens, outputTokens, batch);
    }

    /** @return prefill + decode per request, in joules */
    public double requestJoules(int inputTokens, int outputTokens, int batch) {
        return prefillJoulesPerRequest(inputTokens, batch) + decodeJoulesPerRequest(inputTokens, outputTokens, batch);
    }

    /**
     * The modelled energy of one full batch in a bin, with a {@code model} provenance citing Figure 2.
     *
     * @param inputBin  I*, in tokens
     * @param outputBin O*, in tokens
     * @param batch     B(I*, O*)
     * @return the batch energy
     */
    public BatchEnergy batchEnergy(int inputBin, int outputBin, int batch) {
        double joules = batch * requestJoules(inputBin, outputBin, batch);
        List<String> flags = extrapolationFlags(inputBin, outputBin, batch);
        Map<String, String> details = new TreeMap<>();
        details.put("model", "Figure 2 fit: RTX A6000, vLLM, Llama-3.1-8B, bf16");
        details.put("citation", PaperNumbers.CITATION + ", Fig. 2");
        details.put("prefill", law.describePrefill());
        details.put("decode", law.describeDecode());
        details.put("prefill_rms_log_residual", fmt(prefillRmsLogResidual()));
        details.put("decode_rms_log_residual", fmt(decodeRmsLogResidual()));
        Provenance.Builder p = Provenance.builder().setSource(Provenance.Source.MODEL)
                .optDevices(List.of("NVIDIA RTX A6000 (paper's setting)"))
                .optReason("estimate from a fit to digitised figure values, not a measurement").optReasons(flags)
                .optDetails(details);
        if (!flags.isEmpty()) p.optFlag(Provenance.Flag.EXTRAPOLATED);
        return new BatchEnergy(inputBin, outputBin, batch, joules, p.build());
    }

    /**
     * @param inputTokens  prompt length
     * @param outputTokens generated tokens
     * @param batch        batch size
     * @return one line per way the request lies outside the fitted range; empty inside it
     */
    public List<String> extrapolationFlags(int inputTokens, int outputTokens, int batch) {
        List<String> flags = new ArrayList<>();
        if (batch > MAX_FITTED_BATCH) {
            flags.add("batch above Figure 2's largest (" + MAX_FITTED_BATCH + "): the 1/B terms are extrapolated");
        }
        if (inputTokens > MAX_FITTED_INPUT) flags.add("prompt beyond Figure 2's longest (" + MAX_FITTED_INPUT + " tokens)");
        if (outputTokens - 1 > MAX_FITTED_DECODE) flags.add("decode tokens beyond Figure 2's most (" + MAX_FITTED_DECODE + ")");
        return flags;
    }

    /** @return a short multi-line account of the fit: coefficients and residuals per panel */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "prefill(I,B) = %.4g/B + %.4g + %.4g*I + %.4g*I^2 J/request%n",
                law.perForward(), law.perRequest(), law.perPromptToken(), law.perPromptTokenSquared()));
        s.append(String.format(Locale.ROOT, "decode(I,n,B) = n*(%.4g/B + %.4g) + %.4g*(n*I + n(n+1)/2) J/request%n",
                law.perStep(), law.perDecodeToken(), law.perContextToken()));
        s.append(String.format(Locale.ROOT, "RMS ln residual: prefill %.3f (fitted), decode %.3f (fitted), decode %.3f (excluded), held-out %.3f%n",
                prefillRmsLogResidual(), decodeRmsLogResidual(),
                rmsLogResidual(DECODE_OUTPUT_PANEL, FitResidual.Role.EXCLUDED),
                rmsLogResidual(DECODE_INPUT_PANEL, FitResidual.Role.HELD_OUT)));
        return s.toString();
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4f", v); }
}
