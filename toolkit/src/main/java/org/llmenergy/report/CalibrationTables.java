package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.CalibrationRun;
import org.llmenergy.estimate.calibrated.CrossValidation;
import org.llmenergy.estimate.calibrated.HeldOutPrediction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The calibrated model's held-out errors as tables: against the two baselines, and by GPU and architecture. */
public final class CalibrationTables {
    private CalibrationTables() {}

    /**
     * The three-way comparison: MAPE of J per output token of the calibrated model held out by model, the FLOPs x
     * TDP / peak baseline and the paper's Figure-2 fit transferred across GPUs, on the same configurations, overall
     * and per GPU; the 90 % coverage for the calibrated model (the baselines give no interval).
     *
     * @param o          a calibration run (its leave-one-model-out predictions are scored)
     * @param baselines  the two baselines
     * @param dataSource where the measurements come from, with citation
     * @return id {@code calibrated-comparison}
     */
    public static ReportTable threeWay(CalibrationRun.Outcome o, Baselines baselines, String dataSource) {
        List<HeldOutPrediction> all = o.leaveOneModelOut().predictions();
        List<String> scopes = new ArrayList<>(List.of("all"));
        scopes.addAll(new TreeSet<>(all.stream().map(h -> h.point().gpu()).toList()));
        Table t = Table.create("Three-way comparison", StringColumn.create("predictor"));
        List<Map<String, Double>> byScope = new ArrayList<>();
        for (String scope : scopes) {
            Predicate<HeldOutPrediction> which = which(scope);
            int n = (int) all.stream().filter(which).count();
            t.addColumns(DoubleColumn.create("MAPE % " + scope + " (n=" + n + ")"));
            byScope.add(baselines.comparison(o, which));
        }
        t.addColumns(DoubleColumn.create("90 % coverage % (all)"));
        for (String predictor : byScope.get(0).keySet()) {
            t.stringColumn(0).append(predictor);
            for (int i = 0; i < scopes.size(); i++) t.doubleColumn(1 + i).append(TableFormat.round2(byScope.get(i).get(predictor)));
            DoubleColumn coverage = t.doubleColumn(1 + scopes.size());
            if (predictor.equals(Baselines.CALIBRATED)) coverage.append(TableFormat.round2(o.leaveOneModelOut().coverage(h -> true)));
            else coverage.appendMissing();
        }
        return new ReportTable("calibrated-comparison", TableFormat.percentages(t), "The calibrated model against the FLOPs x TDP / peak"
                + " baseline and the paper's Figure-2 fit transferred across GPUs: mean absolute percentage error of energy per output"
                + " token on the same configurations with the same assumed prompt lengths. The calibrated model is held out by model"
                + " (a fit that never saw the configuration's architecture); the baselines fit nothing on these data. Coverage is"
                + " blank for the baselines: they give no interval.",
                "measured: " + dataSource + "; predicted: " + Labels.MODEL_SOURCE + " (estimates); Figure-2 fit: model of "
                        + Labels.PAPER_DIGITIZED_SOURCE + " values of the paper's Fig. 2");
    }

    /**
     * @param lomo leave-one-model-out predictions
     * @return id {@code calibrated-by-group}: MAPE and coverage per GPU, per architecture kind and per model
     */
    public static ReportTable byGroup(CrossValidation.Result lomo) {
        Table t = Table.create("Leave-one-model-out by group", StringColumn.create("group"), StringColumn.create("value"),
                IntColumn.create("configurations"), DoubleColumn.create("MAPE %"), DoubleColumn.create("90 % coverage %"));
        add(t, lomo, "all", h -> "all");
        add(t, lomo, "GPU", h -> h.point().gpu());
        add(t, lomo, "architecture", h -> h.point().shape().isMoe() ? "moe" : "dense");
        add(t, lomo, "model", h -> h.point().group());
        return new ReportTable("calibrated-by-group", TableFormat.percentages(t), "The calibrated model held out by model, by GPU,"
                + " architecture and model: MAPE of energy per output token and the share of measurements inside their 90 % interval",
                Labels.MODEL_SOURCE + " (leave-one-model-out predictions) against public measurements");
    }

    private static void add(Table t, CrossValidation.Result r, String group, java.util.function.Function<HeldOutPrediction, String> key) {
        for (String value : new TreeSet<>(r.predictions().stream().map(key).toList())) {
            Predicate<HeldOutPrediction> sel = h -> key.apply(h).equals(value);
            t.stringColumn(0).append(group);
            t.stringColumn(1).append(value);
            t.intColumn(2).append((int) r.predictions().stream().filter(sel).count());
            t.doubleColumn(3).append(TableFormat.round2(r.mape(sel)));
            t.doubleColumn(4).append(TableFormat.round2(r.coverage(sel)));
        }
    }

    private static Predicate<HeldOutPrediction> which(String scope) {
        return scope.equals("all") ? h -> true : h -> h.point().gpu().equals(scope);
    }
}
