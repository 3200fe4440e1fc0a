package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * The paper's controlled sweeps: Figure 2 (vLLM on an RTX A6000, Llama-3.1-8B, batch sizes 1–128), Figure 10
 * (the same with vanilla PyTorch) and Figure 11 (vLLM at several fixed lengths), with ours overlaid. The paper's
 * x for decode against output is the number of decode tokens, O − 1; ours are drawn the same way.
 */
public final class ControlledSweepFigures {
    /** Figure 2's batch sizes. */
    static final int[] FIGURE2_BATCHES = {1, 8, 64, 128};
    /** Output length fixed in Figure 2's decode-vs-input panel, tokens. */
    static final int FIGURE2_DECODE_OUTPUT = 64;
    /** Colour groups of Figure 2, fixed so that a batch size has one colour in all panels. */
    private static final String[] GROUPS = {"BS1", "BS8", "BS64", "BS128", "all batch sizes"};

    private ControlledSweepFigures() {}

    /** Figure 2 with the Figure 2 fit drawn. */
    public static List<Panel> figure2(List<SweepPoint> ours) { return figure2(ours, true); }

    /**
     * Figure 2's three panels: prefill energy against prompt length, decode energy against prompt length (64
     * output tokens in the paper; ours at the output length with most prompt lengths, 64 when present) and decode
     * energy against decode tokens (ours at the prompt length with most output lengths, 512 when present).
     *
     * @param ours    our cells (may be empty: the panels then say "paper only")
     * @param withFit true to draw the Figure 2 fit (a model of the paper's curves, an estimate) dotted
     * @return panels {@code fig02a-prefill-vs-input}, {@code fig02b-decode-vs-input}, {@code fig02c-decode-vs-output}
     */
    public static List<Panel> figure2(List<SweepPoint> ours, boolean withFit) {
        PaperFigure f = PaperNumbers.load().figure(2);
        Figure2Fit fit = withFit ? Figure2Fit.fit(PaperNumbers.load()) : null;
        double unit = Figure2Fit.JOULES_PER_REQUEST_PER_FIGURE_UNIT;
        String fitNote = withFit ? " Dotted lines: the Figure 2 fit (a model fitted to the paper's readings, an estimate; the"
                + " whole-trace section applies it to traces)." : "";
        String configs = configurations(ours);
        List<Panel> out = new ArrayList<>();

        List<Series> oursA = SweepSeries.prefillVsInput(ours);
        Plot a = Plot.xy(FigureText.title("Figure 2a", "prefill energy vs input length", !oursA.isEmpty()),
                Axis.log2("input length (tokens)"), Axis.log10(FigureText.KWH_PER_1024)).colourOrder(GROUPS);
        for (PaperSeries s : f.panel("prefill vs input")) a.add(FigureText.paperSeries(s, s.name()));
        if (fit != null) {
            for (int b : FIGURE2_BATCHES) {
                double[] x = powers(1, 32768);
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) y[i] = fit.prefillJoulesPerRequest((int) x[i], b) / unit;
                a.add(new Series(FigureText.model("BS" + b), "BS" + b, x, y, Labels.MODEL_SOURCE));
            }
        }
        a.addAll(oursA);
        out.add(new Panel("fig02a-prefill-vs-input", a, "Prefill energy (the run that generates one token) for 1,024 examples"
                + " against prompt length, per batch size. Paper: RTX A6000, vLLM, Llama-3.1-8B; curves of all batch sizes"
                + " merge above ~128 tokens. " + FigureText.legendKey() + fitNote
                + FigureText.oursSentence(!oursA.isEmpty(), "prefill-run energy of " + configs + ", repeats averaged, outputs pooled"),
                FigureText.source("Fig. 2", a)));

        OptionalInt fixedOut = SweepSeries.fixedOutput(ours, FIGURE2_DECODE_OUTPUT);
        List<Series> oursB = fixedOut.isPresent() ? SweepSeries.decodeVsInput(ours, fixedOut.getAsInt()) : List.of();
        String decodeInput = "decode vs input (64 output tokens)";
        Plot b = Plot.xy(FigureText.title("Figure 2b", "decode energy vs input length", !oursB.isEmpty()),
                Axis.log2("input length (tokens)"), Axis.log10(FigureText.KWH_PER_1024)).colourOrder(GROUPS);
        for (PaperSeries s : f.panel(decodeInput)) {
            if (s.points().stream().anyMatch(p -> p.x().isPresent())) b.add(FigureText.paperSeries(s, s.name()));
        }
        if (fit != null) {
            for (int bs : FIGURE2_BATCHES) {
                double[] x = powers(1, 32768);
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) y[i] = fit.decodeJoulesPerRequest((int) x[i], FIGURE2_DECODE_OUTPUT, bs) / unit;
                b.add(new Series(FigureText.model("BS" + bs), "BS" + bs, x, y, Labels.MODEL_SOURCE));
            }
        }
        b.addAll(oursB);
        out.add(new Panel("fig02b-decode-vs-input", b, "Decode energy (the O − 1 tokens after the first) for 1,024 examples"
                + " against prompt length; paper at 64 output tokens" + (oursB.isEmpty() ? "" : ", ours at " + fixedOut.getAsInt())
                + ". " + FigureText.legendKey() + FigureText.unplaced(f.panel(decodeInput)) + fitNote
                + FigureText.oursSentence(!oursB.isEmpty(), "full run minus prefill run of " + configs),
                FigureText.source("Fig. 2", b)));

        OptionalInt fixedIn = SweepSeries.fixedInput(ours, Figure2Fit.DECODE_PANEL_INPUT_TOKENS);
        List<Series> oursC = fixedIn.isPresent() ? SweepSeries.decodeVsOutput(ours, fixedIn.getAsInt()) : List.of();
        Plot c = Plot.xy(FigureText.title("Figure 2c", "decode energy vs output length", !oursC.isEmpty()),
                Axis.log2("decode tokens, O − 1"), Axis.log10(FigureText.KWH_PER_1024)).colourOrder(GROUPS);
        for (PaperSeries s : f.panel("decode vs output")) c.add(FigureText.paperSeries(s, s.name()));
        if (fit != null) {
            for (int bs : FIGURE2_BATCHES) {
                double[] x = new double[12];
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (1 << (i + 1)) - 1;
                    y[i] = fit.decodeJoulesPerRequest(Figure2Fit.DECODE_PANEL_INPUT_TOKENS, (int) x[i] + 1, bs) / unit;
                }
                c.add(new Series(FigureText.model("BS" + bs), "BS" + bs, x, y, Labels.MODEL_SOURCE));
            }
        }
        c.addAll(oursC);
        out.add(new Panel("fig02c-decode-vs-output", c, "Decode energy for 1,024 examples against the number of decode tokens"
                + " (O − 1), per batch size; the decode curves are parallel lines whose gaps follow the batch sizes. "
                + FigureText.legendKey() + fitNote + (fit == null ? "" : " The fit takes this panel's prompt to be "
                + Figure2Fit.DECODE_PANEL_INPUT_TOKENS + " tokens.")
                + FigureText.oursSentence(!oursC.isEmpty(), "full run minus prefill run of " + configs
                        + (fixedIn.isPresent() ? " at a " + fixedIn.getAsInt() + "-token prompt" : "")),
                FigureText.source("Fig. 2", c)));
        return out;
    }

    /**
     * Figure 10, the unoptimised (PyTorch) sweeps. The paper's values were not digitised, so without ours this is a
     * single panel saying so; with ours: prefill against input, decode against input and the whole run against input,
     * one curve per batch size and output length.
     *
     * @param ours cells of an unoptimised configuration (may be empty)
     * @return panels {@code fig10...}
     */
    public static List<Panel> figure10(List<SweepPoint> ours) {
        PaperFigure f = PaperNumbers.load().figure(10);
        String paperNote = " Paper: " + Labels.NO_PAPER_VALUES + " (Figure 10)." + FigureText.note(f);
        if (ours.isEmpty()) {
            return List.of(placeholder("fig10-pytorch-sweeps", "Figure 10 · PyTorch controlled sweeps (no data)", f,
                    "No unoptimised-configuration sweep of ours was given."));
        }
        String configs = configurations(ours);
        List<Panel> out = new ArrayList<>();
        Plot a = Plot.xy("Figure 10a · prefill vs input (ours only)", Axis.log2("input length (tokens)"),
                Axis.log10(FigureText.KWH_PER_1024)).addAll(SweepSeries.prefillVsInput(ours));
        out.add(new Panel("fig10a-prefill-vs-input", a, "Prefill energy for 1,024 examples against prompt length, per batch size,"
                + " of " + configs + "." + paperNote, FigureText.source("Fig. 10", a)));
        Plot b = Plot.xy("Figure 10b · decode vs input (ours only)", Axis.log2("input length (tokens)"),
                Axis.log10(FigureText.KWH_PER_1024)).addAll(perOutput(ours, true));
        out.add(new Panel("fig10b-decode-vs-input", b, "Decode energy for 1,024 examples against prompt length, per batch size and"
                + " output length O, of " + configs + "." + paperNote, FigureText.source("Fig. 10", b)));
        Plot c = Plot.xy("Figure 10c · whole run vs input (ours only)", Axis.log2("input length (tokens)"),
                Axis.log10(FigureText.KWH_PER_1024)).addAll(perOutput(ours, false));
        out.add(new Panel("fig10c-total-vs-input", c, "Energy of the whole run (prefill and decode) for 1,024 examples against"
                + " prompt length, per batch size and output length O, of " + configs + "." + paperNote, FigureText.source("Fig. 10", c)));
        return out;
    }

    /**
     * Figure 11, vLLM sweeps at several fixed lengths. The paper's values were not digitised (one reading: decode with 64
     * output tokens costs ~8x that with 8); without ours this is a single panel saying so; with ours: prefill against
     * input per output length, decode against input per output length, decode against output per prompt length and
     * seconds per batch against output per prompt length.
     *
     * @param ours our cells (may be empty)
     * @return panels {@code fig11...}
     */
    public static List<Panel> figure11(List<SweepPoint> ours) {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(11);
        double paperRatio = paper.text("fig11-decode-8-vs-64-ratio").value();
        String paperNote = " Paper: " + Labels.NO_PAPER_VALUES + " (Figure 11)." + FigureText.note(f);
        if (ours.isEmpty()) {
            return List.of(placeholder("fig11-vllm-fixed-lengths", "Figure 11 · vLLM sweeps, several lengths (no data)", f,
                    String.format(Locale.ROOT, "Paper reading: decode with 64 output tokens ≈ %.0fx that with 8.", paperRatio),
                    "No controlled sweep of ours was given."));
        }
        String configs = configurations(ours);
        List<Panel> out = new ArrayList<>();
        Plot a = Plot.xy("Figure 11a · prefill vs input, per output (ours only)",
                Axis.log2("input length (tokens)"), Axis.log10(FigureText.KWH_PER_1024)).addAll(SweepSeries.prefillVsInputByOutput(ours));
        out.add(new Panel("fig11a-prefill-vs-input", a, "Prefill energy for 1,024 examples against prompt length, one curve per batch"
                + " size and output length O, of " + configs + ": where the batch sizes converge should not depend on O." + paperNote,
                FigureText.source("Fig. 11", a)));
        Plot b = Plot.xy("Figure 11b · decode vs input, per output (ours only)",
                Axis.log2("input length (tokens)"), Axis.log10(FigureText.KWH_PER_1024)).addAll(perOutput(ours, true));
        OptionalDouble ratio = decodeRatio(ours, 8, 64);
        out.add(new Panel("fig11b-decode-vs-input", b, "Decode energy for 1,024 examples against prompt length, per batch size and"
                + " output length O, of " + configs + String.format(Locale.ROOT, ". Paper: decode with 64 output tokens ≈ %.0fx that"
                + " with 8 (read off the figure)", paperRatio) + (ratio.isPresent() ? String.format(Locale.ROOT, "; ours: %.2fx"
                + " (mean over cells measured at both)", ratio.getAsDouble()) : "; ours: not measured at both 8 and 64") + "."
                + paperNote, FigureText.source("Fig. 11", b)));
        Plot c = Plot.xy("Figure 11c · decode vs output, per prompt (ours only)",
                Axis.log2("decode tokens, O − 1"), Axis.log10(FigureText.KWH_PER_1024));
        Plot d = Plot.xy("Figure 11d · time per batch vs output (ours only)",
                Axis.log2("output length O (tokens)"), Axis.log10("wall time per batch (s)"));
        for (int input : inputsWithSeveralOutputs(ours)) {
            for (Series s : SweepSeries.decodeVsOutput(ours, input)) c.add(s.withGroup(s.name()));
            for (Series s : SweepSeries.durationVsOutput(ours, input)) d.add(s.withGroup(s.name()));
        }
        out.add(new Panel("fig11c-decode-vs-output", c, "Decode energy for 1,024 examples against decode tokens (O − 1), per batch"
                + " size and prompt length, of " + configs + "." + paperNote, FigureText.source("Fig. 11", c)));
        out.add(new Panel("fig11d-duration-vs-output", d, "Mean wall time of one batch against output length, per batch size and"
                + " prompt length, of " + configs + " (time, not energy: measured by the sweep's clock)." + paperNote,
                FigureText.source("Fig. 11", d)));
        return out;
    }

    /**
     * The mean ratio of decode energy at {@code highOutput} to that at {@code lowOutput} over cells measured at both
     * (same configuration, decoding, batch and prompt length).
     *
     * @return the ratio, or empty when no cell pair exists
     */
    public static OptionalDouble decodeRatio(List<SweepPoint> points, int lowOutput, int highOutput) {
        double sum = 0;
        int n = 0;
        for (SweepPoint hi : points) {
            if (hi.output() != highOutput || hi.decodeKwh().isEmpty()) continue;
            for (SweepPoint lo : points) {
                if (lo.output() == lowOutput && lo.decodeKwh().isPresent() && lo.batch() == hi.batch() && lo.input() == hi.input()
                        && lo.configuration().equals(hi.configuration()) && lo.decoding().equals(hi.decoding())
                        && lo.decodeKwh().getAsDouble() > 0) {
                    sum += hi.decodeKwh().getAsDouble() / lo.decodeKwh().getAsDouble();
                    n++;
                }
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    private static List<Series> perOutput(List<SweepPoint> ours, boolean decode) {
        List<Series> out = new ArrayList<>();
        for (int o : new TreeSet<>(ours.stream().map(SweepPoint::output).toList())) {
            List<Series> s = decode ? SweepSeries.decodeVsInput(ours, o) : SweepSeries.totalVsInput(ours, o);
            for (Series x : s) out.add(x.withGroup(x.name()));
        }
        return out;
    }

    private static List<Integer> inputsWithSeveralOutputs(List<SweepPoint> ours) {
        List<Integer> out = new ArrayList<>();
        for (int i : new TreeSet<>(ours.stream().map(SweepPoint::input).toList())) {
            if (ours.stream().filter(p -> p.input() == i).map(SweepPoint::output).distinct().count() >= 2) out.add(i);
        }
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    private static Panel placeholder(String id, String title, PaperFigure f, String... lines) {
        Plot p = Plot.xy(title, Axis.linear(f.xAxis()), Axis.linear(f.yAxis() + " (" + f.unit() + ")"));
        p.message("Paper: " + Labels.NO_PAPER_VALUES + ".");
        if (!f.note().isEmpty()) p.message("Paper: " + f.note() + ".");
        for (String l : lines) p.message(l);
        return new Panel(id, p, "Paper Figure " + f.number() + " (" + f.title() + "): " + Labels.NO_PAPER_VALUES + "."
                + FigureText.note(f) + " " + String.join(" ", lines),
                PaperNumbers.CITATION + ", Fig. " + f.number() + ": " + Labels.NO_PAPER_VALUES + "; no measurements of ours were given");
    }

    /** @return the configurations of the points, for captions */
    static String configurations(List<SweepPoint> points) {
        List<String> c = points.stream().map(SweepPoint::configuration).distinct().toList();
        return c.isEmpty() ? "(none)" : String.join(", ", c);
    }

    /** @return 1, 2, 4, … up to {@code max} */
    static double[] powers(int min, int max) {
        List<Double> out = new ArrayList<>();
        for (long v = min; v <= max; v *= 2) out.add((double) v);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
