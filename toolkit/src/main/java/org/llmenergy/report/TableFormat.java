package org.llmenergy.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** How the report's tables print numbers. */
final class TableFormat {
    private TableFormat() {}

    /** @return {@code v} rounded to two decimals (percentages are shown to two decimals, as the paper's Table 4) */
    static double round2(double v) { return Math.round(v * 100) / 100.0; }

    /**
     * @return {@code v} to four significant digits, for quantities that span orders of magnitude (kWh of whole traces,
     *         J per token); 0 and non-finite values unchanged
     */
    static double significant(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    /** Prints every column whose name contains "%" with exactly two decimals. */
    static Table percentages(Table t) {
        for (Column<?> c : t.columns()) {
            if (c instanceof DoubleColumn d && c.name().contains("%")) d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        }
        return t;
    }
}
