package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.llmenergy.workload.BinCount;

/** A heat map of requests per (input, output) length bin, the picture of a binned workload. */
public final class BinHeatMap {
    private BinHeatMap() {}

    /**
     * @param title      chart title
     * @param counts     requests per bin (empty bins may be absent)
     * @param inputBins  all input bin edges to show, ascending (x axis)
     * @param outputBins all output bin edges to show, ascending (y axis)
     * @return the chart; cells show the request count
     */
    public static HeatMapChart chart(String title, List<BinCount> counts, int[] inputBins, int[] outputBins) {
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(540).title(title)
                .xAxisTitle("input bin I* (tokens)").yAxisTitle("output bin O* (tokens)").build();
        // Categories as labels; each heat entry is {x index, y index, value}.
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int edge : inputBins) xs.add(Integer.toString(edge));
        for (int edge : outputBins) ys.add(Integer.toString(edge));
        List<Number[]> heat = new ArrayList<>();
        long max = 1;
        for (int i = 0; i < inputBins.length; i++) {
            for (int o = 0; o < outputBins.length; o++) {
                long n = requests(counts, inputBins[i], outputBins[o]);
                max = Math.max(max, n);
                heat.add(new Number[] {i, o, n});
            }
        }
        chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("#,##0").setMin(0).setMax(max).setLegendVisible(true);
        chart.getStyler().setPlotContentSize(0.95);
        chart.addSeries("requests", xs, ys, heat);
        return chart;
    }

    private static long requests(List<BinCount> counts, int inputBin, int outputBin) {
        for (BinCount c : counts) if (c.inputBin() == inputBin && c.outputBin() == outputBin) return c.requests();
        return 0;
    }
}
