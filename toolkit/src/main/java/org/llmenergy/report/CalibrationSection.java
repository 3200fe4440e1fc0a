package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.CalibrationRun;

/**
 * The report section "Calibrated model vs public measurements": the calibrated model held out by model against
 * the public measurements it was built from (scatter with the 90 % band, the three-way comparison, errors by group),
 * and the paper's whole-trace analysis (Figure 1, Table 4) redone with it.
 */
public final class CalibrationSection {
    /** The section's heading. */
    public static final String HEADING = "Calibrated model vs public measurements";

    private CalibrationSection() {}

    /**
     * @param run        a calibration run on the public measurements
     * @param baselines  the two baselines of the comparison
     * @param dataSource where the measurements come from, with citation
     * @param priced     whole traces priced with the shipped calibration, per GPU (may be empty)
     * @return the section
     */
    public static ReportSection of(CalibrationRun.Outcome run, Baselines baselines, String dataSource, List<PricedTrace> priced) {
        Calibration c = run.calibration();
        List<Panel> panels = new ArrayList<>();
        panels.add(CalibrationFigures.predictedVsMeasured(run.leaveOneModelOut().predictions(), dataSource));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(CalibrationTables.threeWay(run, baselines, dataSource));
        tables.add(CalibrationTables.byGroup(run.leaveOneModelOut()));
        if (!priced.isEmpty()) {
            panels.add(TraceEnergyFigure.panel("fig01c-calibrated-trace-energy", priced.stream().map(PricedTrace::totals).toList()));
            tables.add(OverheadTables.calibrated(priced));
        }
        String intro = String.format(Locale.ROOT, "The calibrated model (calibration %s, %s, fitted %s on %d public configurations of"
                + " %s) prices a request per forward step: time from a roofline with fitted efficiencies, power between idle and"
                + " TDP, times the GPUs used. Here every configuration is predicted by a fit that never saw its model (leave one model"
                + " out), and compared with the two simple predictors a user could reach for instead. Then the paper's whole-trace"
                + " analysis is redone with the shipped calibration: the Azure 2023 traces at their exact lengths, Llama-3.1-8B on"
                + " the RTX A6000 (the paper's GPU, which has no public calibration data: datasheet transfer, flagged, wider interval)"
                + " and on the H100, each against its own FLOPs x TDP / dense-peak baseline.",
                c.version(), c.generation(), c.fittedAt(), run.points().size(), dataSource);
        return new ReportSection(HEADING, intro, panels, tables);
    }
}
