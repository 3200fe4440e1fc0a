package org.llmenergy.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.progress.ConsoleProgress;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.inference.ComputeDevice;

/**
 * The controlled sweep that {@code reproduce} runs: the paper's input and output sweeps (Figure 2) scaled to what
 * two CPU cores finish in minutes, on the {@code tiny-15m} preset. The spec is a resource file per size
 * ({@code sweep.json}, {@code sweep-quick.json} beside this class), written for the CPU; {@link #spec()} reads it and
 * sets the device on the typed spec, so a GPU sweep never resumes a CPU one (the device is part of the spec hash).
 *
 * @param size   the full sweep or the quick one
 * @param device where it runs: a GPU when DJL sees one (measured with NVML), else the CPU (RAPL where readable,
 *               else the CPU-time estimate, labelled so)
 */
public record EmbeddedSweep(Size size, ComputeDevice device) {

    /** How much of the sweep to run. */
    public enum Size {
        /** Batch 1 and 4, inputs 32 … 2,048 and outputs 2 … 128, two repeats of two examples per cell. */
        FULL("sweep.json", ""),
        /** Batch 1, inputs 32 … 512 and outputs 2 … 32, one repeat of one example: a first look. */
        QUICK("sweep-quick.json", "-quick");

        private final String resource;
        private final String suffix;

        Size(String resource, String suffix) {
            this.resource = resource;
            this.suffix = suffix;
        }

        /** @return {@link #QUICK} when {@code quick}, else {@link #FULL} */
        public static Size of(boolean quick) { return quick ? QUICK : FULL; }
    }

    public EmbeddedSweep {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(device, "device");
    }

    /**
     * @param quick the quick size
     * @return the sweep on the device {@link #detectDevice()} finds
     */
    public static EmbeddedSweep onThisMachine(boolean quick) { return new EmbeddedSweep(Size.of(quick), detectDevice()); }

    /**
     * @return GPU 0 when DJL's engine sees a GPU, else the CPU (also when the engine cannot start: the sweep then
     *         fails on the CPU with the engine's own message)
     */
    public static ComputeDevice detectDevice() {
        try {
            return ai.djl.engine.Engine.getInstance().getGpuCount() > 0 ? new ComputeDevice(true, 0) : ComputeDevice.CPU;
        } catch (RuntimeException e) {
            return ComputeDevice.CPU;
        }
    }

    /** @return the spec of this size, on this device, named {@code reproduce-<cpu|gpu>[-quick]} */
    public SweepSpec spec() {
        SweepSpec base = SpecReader.parse(resourceText(size.resource), size.resource, null);
        return new SweepSpec("reproduce-" + deviceKind() + size.suffix, base.engine(), base.models(), device.label(),
                base.dtype(), base.engineOptions(), base.decoding(), base.cells(), base.protocol(), base.batchProbe());
    }

    /** @return the largest fixed batch size among the spec's cells (the batch the whole-trace energy is priced at) */
    public int largestBatch() {
        return spec().expandCells().stream().filter(c -> !c.batch().isLargest()).mapToInt(c -> c.batch().fixed()).max()
                .orElseThrow(() -> new IllegalStateException(size.resource + " has no fixed batch size"));
    }

    /**
     * @param outDir the report folder
     * @return {@code <outDir>/sweep/results-<cpu|gpu>[-quick].jsonl}
     */
    public Path resultsFile(Path outDir) {
        return outDir.resolve("sweep").resolve("results-" + deviceKind() + size.suffix + ".jsonl");
    }

    /**
     * Runs the sweep into {@link #resultsFile}, resuming it when the file exists (a second reproduce reuses the
     * finished cells of the same spec).
     *
     * @param outDir the report folder
     * @param log    progress lines
     * @return the file's records of this spec (records of other specs in the same file are left out)
     */
    public List<ResultRecord> run(Path outDir, Consumer<String> log) {
        SweepSpec spec = spec();
        Path results = resultsFile(outDir);
        try {
            Files.createDirectories(results.getParent());
            log.accept((device.gpu() ? "GPU sweep (a GPU is present: measured with NVML)" : "CPU sweep (no GPU seen)")
                    + ": " + spec.expandCells().size() + " cells of " + spec.models() + " into " + results);
            try (Backend backend = Backends.create(spec)) {
                new SweepRunner(spec, backend).resume(Files.exists(results)).progress(ConsoleProgress.onStderr()).run(results);
            }
            return ResultsReader.read(results).sweepRecords().stream().map(StoredRecord::typed)
                    .filter(r -> r.specHash().equals(spec.hash())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("sweep into " + results + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("sweep could not start: " + e.getMessage(), e);
        }
    }

    private String deviceKind() { return device.gpu() ? "gpu" : "cpu"; }

    private static String resourceText(String name) {
        try (InputStream in = EmbeddedSweep.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("sweep spec resource " + name + " is missing from the toolkit jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep spec resource " + name + ": " + e.getMessage(), e);
        }
    }
}
