package org.llmenergy.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.ResolvedFile;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.CalibrationRun;
import org.llmenergy.estimate.calibrated.GpuFacts;
import org.llmenergy.estimate.external.MlEnergyV2Reader;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.report.CalibrationSection;
import org.llmenergy.report.ReportSection;

/**
 * The report's "Calibrated model vs public measurements": runs the calibration on the ML.ENERGY v3 calibration split
 * (as {@code llm-energy calibrate} does, so the report shows the numbers that command prints) and hands the held-out
 * predictions and the baselines to {@code report}.
 */
final class CalibratedComparison {
    /** The catalog id of the public measurements the calibration is fitted to. */
    static final String DATASET = "mlenergy-v3";

    private CalibratedComparison() {}

    /**
     * @param log progress lines
     * @return the section
     * @throws UncheckedIOException when the calibration split cannot be read (naming the file)
     */
    static ReportSection section(Consumer<String> log) {
        Function<String, GpuFacts> gpus = name -> GpuFacts.of(GpuCatalog.builtIn().get(name));
        List<Path> files = Datasets.resolveAll(DATASET).stream().map(ResolvedFile::path).toList();
        log.accept("calibrating on " + files.size() + " files of " + DATASET + " (leave one model out)");
        CalibrationRun.Outcome run;
        try {
            // The newest generation only: ML.ENERGY v2 is fitted as an older generation that leaves these figures unchanged.
            run = CalibrationRun.run(files, List.of(), gpus);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + DATASET + " calibration split: " + e.getMessage(), e);
        }
        Baselines baselines = new Baselines(gpus, Figure2Fit.fit(PaperNumbers.load()));
        return CalibrationSection.of(run, baselines, "ML.ENERGY v3 calibration split, " + MlEnergyV2Reader.CITATION);
    }
}
