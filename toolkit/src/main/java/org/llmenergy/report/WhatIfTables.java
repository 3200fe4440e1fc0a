package org.llmenergy.report;

import java.util.List;
import java.util.stream.Collectors;
import org.llmenergy.estimate.whatif.Answer;
import org.llmenergy.estimate.whatif.Comparison;
import org.llmenergy.units.Interval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What-if answers as tables: each setting's energy with its 90 % interval, its ratio to the first, and its flags. */
public final class WhatIfTables {
    private WhatIfTables() {}

    /**
     * @param c a comparison
     * @return id {@code what-if}: the base and the alternative, one row each
     */
    public static ReportTable comparison(Comparison c) {
        return answers(c.question(), List.of(c.base(), c.alternative()));
    }

    /**
     * @param title   what is compared
     * @param answers the same workload under several settings; the first is the reference of the ratios
     * @return id {@code what-if}: one row per setting
     */
    public static ReportTable answers(String title, List<Answer> answers) {
        if (answers.isEmpty()) throw new IllegalArgumentException("no answers to tabulate for '" + title + "'");
        Table t = Table.create(title, StringColumn.create("setting"), LongColumn.create("requests"),
                DoubleColumn.create("total (J)"), DoubleColumn.create("low (J)"), DoubleColumn.create("high (J)"),
                DoubleColumn.create("per output token (J)"), DoubleColumn.create("low (J/token)"),
                DoubleColumn.create("high (J/token)"), DoubleColumn.create("x first setting"), StringColumn.create("flags"));
        double reference = answers.get(0).total().value();
        for (Answer a : answers) {
            Interval total = a.total();
            Interval perToken = a.perOutputToken();
            t.stringColumn(0).append(a.setup().toString());
            t.longColumn(1).append(a.price().requests());
            t.doubleColumn(2).append(TableFormat.significant(total.value()));
            t.doubleColumn(3).append(TableFormat.significant(total.low()));
            t.doubleColumn(4).append(TableFormat.significant(total.high()));
            t.doubleColumn(5).append(TableFormat.significant(perToken.value()));
            t.doubleColumn(6).append(TableFormat.significant(perToken.low()));
            t.doubleColumn(7).append(TableFormat.significant(perToken.high()));
            t.doubleColumn(8).append(Math.round(1000 * total.value() / reference) / 1000.0);
            t.stringColumn(9).append(a.price().flags().stream().map(f -> f.flag().toString()).collect(Collectors.joining("; "))
                    + (a.price().excludedRequests() > 0 ? "; " + a.price().excludedRequests() + " requests not priced" : ""));
        }
        String source = Labels.MODEL_SOURCE + " (the calibrated model, an estimate; calibration "
                + answers.get(0).price().provenance().details().getOrDefault("calibration_version", "?") + ")";
        return new ReportTable("what-if", t, title + " · energy with its 90 % interval", source);
    }
}
