package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.llmenergy.energy.CpuScope;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.MeterKind;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import org.llmenergy.energy.Window;

class PowerSeriesChartTest {
    @Test
    void drawsOneLinePerSeriesAndOneBarPerInnerWindow() throws Exception {
        MeterOptions o = MeterOptions.builder().optCpuScope(CpuScope.PROCESS).optSamplingIntervalS(0.01).build();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, o)) {
            Window all = meter.window("all", true);
            Window inner = meter.window("inner");
            Thread.sleep(60);
            inner.close();
            Thread.sleep(30);
            all.close();
            Measurement m = all.measurement();
            XYChart chart = PowerSeriesChart.chart(m, List.of(inner.measurement()), 640, 360);
            assertEquals(2, chart.getSeriesCollection().size());
            assertTrue(chart.getSeries("cpu derived") != null);
            assertTrue(chart.getSeries("window inner (" + String.format(java.util.Locale.ROOT, "%.2f s)",
                    inner.measurement().durationS())) != null);
            assertEquals("estimated power (W)", chart.getYAxisTitle());
            BufferedImage img = PowerSeriesChart.of(m, List.of(), 640, 360);
            assertEquals(640, img.getWidth());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PowerSeriesChart.of(inner.measurement(), List.of(), 10, 10));
            assertTrue(e.getMessage().contains("has no power series"));
        }
    }
}
