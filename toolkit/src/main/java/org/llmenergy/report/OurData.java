package org.llmenergy.report;

import java.util.List;

/**
 * Everything of ours that the paper's sections can overlay; every part may be empty, and a section then says
 * "paper only" instead of leaving ours out silently.
 *
 * @param traces          traces read (Tables 1–2, Figure 7, whole-trace estimates)
 * @param controlledSweep controlled-sweep cells (Figures 2 and 11)
 * @param baselineSweep   controlled-sweep cells of an unoptimised configuration (Figure 10)
 * @param decodingSweep   cells with several decoding strategies (Figure 3)
 * @param moeVsDense      energy against batch size per model (Figure 4), kWh per 1,024 examples
 * @param traceTotals     whole-trace estimates beside their baselines (Figure 1, "% above theoretical")
 */
public record OurData(List<TraceSummary> traces, List<SweepPoint> controlledSweep, List<SweepPoint> baselineSweep,
                      List<SweepPoint> decodingSweep, List<Series> moeVsDense, List<TraceTotals> traceTotals) {
    public OurData {
        traces = List.copyOf(traces);
        controlledSweep = List.copyOf(controlledSweep);
        baselineSweep = List.copyOf(baselineSweep);
        decodingSweep = List.copyOf(decodingSweep);
        moeVsDense = List.copyOf(moeVsDense);
        traceTotals = List.copyOf(traceTotals);
    }

    /** @return nothing of ours: every section shows the paper's numbers only, and says so */
    public static OurData none() { return new OurData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()); }

    /** @return a copy with these traces */
    public OurData withTraces(List<TraceSummary> t) {
        return new OurData(t, controlledSweep, baselineSweep, decodingSweep, moeVsDense, traceTotals);
    }

    /** @return a copy with these controlled-sweep cells */
    public OurData withControlledSweep(List<SweepPoint> p) {
        return new OurData(traces, p, baselineSweep, decodingSweep, moeVsDense, traceTotals);
    }

    /** @return a copy with these unoptimised-configuration cells */
    public OurData withBaselineSweep(List<SweepPoint> p) {
        return new OurData(traces, controlledSweep, p, decodingSweep, moeVsDense, traceTotals);
    }

    /** @return a copy with these decoding-strategy cells */
    public OurData withDecodingSweep(List<SweepPoint> p) {
        return new OurData(traces, controlledSweep, baselineSweep, p, moeVsDense, traceTotals);
    }
}
