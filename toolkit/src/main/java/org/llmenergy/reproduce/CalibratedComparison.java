package org.llmenergy.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.ResolvedFile;
import org.llmenergy.estimate.PeakRate;
import org.llmenergy.estimate.TheoreticalEstimator;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.estimate.WorkloadPricing;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.CalibrationRun;
import org.llmenergy.estimate.calibrated.GpuFacts;
import org.llmenergy.estimate.external.MlEnergyV2Reader;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;
import org.llmenergy.report.PricedTrace;
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
     * @param traces the traces read, for the whole-trace analysis
     * @param log    progress lines
     * @return the section
     * @throws UncheckedIOException when the calibration split cannot be read (naming the file)
     */
    static ReportSection section(List<TraceReading> traces, Consumer<String> log) {
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
        log.accept("pricing " + traces.size() + " traces at exact lengths with the shipped calibration on " + TRACE_GPUS);
        return CalibrationSection.of(run, baselines, "ML.ENERGY v3 calibration split, " + MlEnergyV2Reader.CITATION,
                wholeTrace(traces));
    }

    /** The GPUs the paper's whole-trace analysis is redone on: the paper's RTX A6000 and the H100. */
    static final List<String> TRACE_GPUS = List.of("RTX-A6000", "H100-SXM5-80GB");
    /** The paper's model. */
    static final String PAPER_MODEL = "llama-3.1-8b";

    /**
     * The paper's whole-trace analysis (Figure 1, Table 4) redone with the shipped calibration: each trace at its
     * exact lengths, Llama-3.1-8B under vLLM's offline default (continuous batching, max_num_seqs 256), on each of
     * {@link #TRACE_GPUS}, with the FLOPs x TDP / dense-peak baseline over the same requests.
     */
    static List<PricedTrace> wholeTrace(List<TraceReading> traces) {
        ModelConfig llama = Presets.get(PAPER_MODEL);
        List<PricedTrace> out = new ArrayList<>();
        for (String name : TRACE_GPUS) {
            GpuSpec gpu = GpuCatalog.builtIn().get(name);
            CalibratedModel model = CalibratedModel.builder().setModel(llama).setGpu(gpu).build();
            TheoreticalEstimator baseline = new TheoreticalEstimator(FlopsModel.of(llama), PeakRate.of(gpu, Sparsity.DENSE));
            String configuration = "calibrated " + PAPER_MODEL + ", vLLM, " + model.serving().describe();
            for (TraceReading t : traces) {
                WorkloadPrice price = WorkloadPricing.price(model, new Workload.ExactLengths(t.pairs(), t.source()), baseline);
                out.add(new PricedTrace(t.source(), t.table4Dataset(), gpu.name(), configuration, price,
                        "FLOPs of " + PAPER_MODEL + " x " + baseline.peak().label()));
            }
        }
        return out;
    }

}
