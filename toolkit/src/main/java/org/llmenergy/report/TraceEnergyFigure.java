package org.llmenergy.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * Figure 1: the energy of a whole trace, theoretical (FLOPs x TDP / peak) against real configurations. The paper's
 * bars (RTX A6000, Llama-3.1-8B; probably the 2024 week-long Azure traces) and ours (any trace, any configuration,
 * each beside its own baseline) share one log axis but sit at different categories: a different trace or model
 * is a different workload.
 */
public final class TraceEnergyFigure {
    private TraceEnergyFigure() {}

    /**
     * @param ours whole-trace totals (may be empty)
     * @return panel {@code fig01-trace-energy}
     */
    public static Panel panel(List<TraceTotals> ours) { return panel("fig01-trace-energy", ours); }

    /**
     * The same figure under another id, for a second drawing in one report (for example with another energy model).
     *
     * @param id   the panel id (file-safe; the PNG's name)
     * @param ours whole-trace totals (may be empty)
     * @return the panel
     */
    public static Panel panel(String id, List<TraceTotals> ours) {
        PaperFigure f = PaperNumbers.load().figure(1);
        Set<String> categories = new LinkedHashSet<>();
        for (PaperSeries s : f.series()) for (PaperPoint p : s.points()) categories.add(p.xLabel());
        for (TraceTotals t : ours) categories.add(t.trace());
        Plot plot = Plot.categories(FigureText.title("Figure 1", "whole-trace energy", !ours.isEmpty()),
                "trace", new ArrayList<>(categories), Axis.log10("energy for the whole trace (kWh)"));
        for (PaperSeries s : f.series()) {
            plot.add(new CategorySeries(FigureText.paper(s.name()), s.points().stream().map(PaperPoint::xLabel).toList(),
                    s.points().stream().mapToDouble(PaperPoint::y).toArray(), Labels.PAPER_DIGITIZED_SOURCE));
        }
        Map<String, List<TraceTotals>> byConfig = new LinkedHashMap<>();
        Map<String, List<TraceTotals>> byBaseline = new LinkedHashMap<>();
        for (TraceTotals t : ours) {
            byConfig.computeIfAbsent(t.configuration() + "\u0000" + t.provenance(), k -> new ArrayList<>()).add(t);
            byBaseline.computeIfAbsent(t.theoreticalBasis(), k -> new ArrayList<>()).add(t);
        }
        List<String> baselines = new ArrayList<>(byBaseline.keySet());
        for (List<TraceTotals> rows : byBaseline.values()) {
            Map<String, Double> perTrace = new LinkedHashMap<>();
            for (TraceTotals t : rows) perTrace.putIfAbsent(t.trace(), t.theoreticalKwh());
            String name = baselines.size() == 1 ? "theoretical" : "theoretical " + (baselines.indexOf(rows.get(0).theoreticalBasis()) + 1);
            plot.add(new CategorySeries(name + " · model (estimate)", new ArrayList<>(perTrace.keySet()),
                    perTrace.values().stream().mapToDouble(Double::doubleValue).toArray(), Labels.MODEL_SOURCE));
        }
        for (List<TraceTotals> rows : byConfig.values()) {
            TraceTotals first = rows.get(0);
            String who = first.provenance().equals(Labels.MODEL_SOURCE) ? "model (estimate)" : Labels.ours(first.provenance());
            plot.add(new CategorySeries(first.configuration() + " · " + who, rows.stream().map(TraceTotals::trace).toList(),
                    rows.stream().mapToDouble(TraceTotals::estimateKwh).toArray(), first.provenance()));
        }
        StringBuilder bases = new StringBuilder();
        for (int i = 0; i < baselines.size(); i++) {
            bases.append(baselines.size() == 1 ? " Theoretical: " : " Theoretical " + (i + 1) + ": ").append(baselines.get(i)).append('.');
        }
        List<String> notes = ours.stream().filter(t -> !t.note().isEmpty()).map(t -> t.trace() + " / " + t.configuration() + ": " + t.note())
                .distinct().toList();
        String caption = "Energy to serve a whole trace offline, binned as in the paper: the FLOPs x TDP / peak baseline against"
                + " real serving. Paper (RTX A6000, Llama-3.1-8B): theoretical, optimised vLLM and unoptimised PyTorch; their"
                + " traces are probably the 2024 week-long Azure traces, so ours at other traces are other workloads. Circles: the"
                + " paper's bars read off the figure (approximate). Triangles: baselines of ours (model, an estimate)."
                + (ours.isEmpty() ? " " + Labels.PAPER_ONLY + "." : " Diamonds: binned estimates from per-bin energies (ours, or the"
                        + " Figure 2 fit: a model of the paper's setting).") + bases
                + (notes.isEmpty() ? "" : " Notes: " + String.join(" | ", notes));
        return new Panel(id, plot, caption, FigureText.source("Fig. 1", plot));
    }
}
