package org.llmenergy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.llmenergy.energy.CommandMeasurement;
import org.llmenergy.energy.CpuScope;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.MeasurementJson;
import org.llmenergy.energy.MeasurementSummary;
import org.llmenergy.energy.MeterChoice;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code llm-energy measure [options] -- <command> [args...]}: measures a child process from start to end.
 * The child's stdout and stderr pass through untouched; the measurement goes to stderr after the child
 * exits (a summary, or JSON with {@code --format json}) and, as JSON, to {@code --out FILE}. The exit code
 * is the child's; 127 when the command is not found and 126 when it is not executable, as in a shell. SIGINT
 * and SIGTERM reach the command's process group and the measurement is still written, marked interrupted.
 */
@Command(name = "measure", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measure the energy of a command from start to end.",
                "The command's output passes through; the measurement is printed to stderr after it exits "
                        + "(and written as JSON to --out). Exits with the command's exit code."})
final class MeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--meter", defaultValue = "auto", paramLabel = "auto|nvml|rapl|cpu-estimate",
            description = "Which meter (default: ${DEFAULT-VALUE}: NVML, else RAPL, else the CPU-time estimate).")
    String meter;

    @Option(names = "--gpus", split = ",", paramLabel = "N,N",
            description = "GPUs to measure, as CUDA ordinals among CUDA_VISIBLE_DEVICES (default: all visible).")
    List<Integer> gpus;

    @Option(names = "--interval-ms", defaultValue = "100", paramLabel = "N",
            description = "Power sampling interval in ms (default: ${DEFAULT-VALUE}; 0 reads only at start and end).")
    double intervalMs;

    @Option(names = "--disagreement-threshold", defaultValue = "0.10", paramLabel = "F",
            description = "Mark a GPU's figure not valid when its energy counter and power integral differ by more "
                    + "than this fraction (default: ${DEFAULT-VALUE}).")
    double disagreementThreshold;

    @Option(names = "--idle-seconds", defaultValue = "0", paramLabel = "N",
            description = "Measure idle power for N seconds first, to report net-of-idle energy (default: 0, none).")
    double idleSeconds;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output on stderr: a summary (default) or the JSON measurement.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON measurement to FILE.")
    Path out;

    @Option(names = "--series", description = "Include the power time series (and GPU telemetry) in the JSON.")
    boolean series;

    @Option(names = "--codecarbon-csv", paramLabel = "FILE",
            description = "Also append a row to FILE in CodeCarbon's emissions.csv layout (emissions left empty: no location).")
    Path codecarbonCsv;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, was '" + format + "'");
        }
        if (intervalMs < 0) throw new IllegalArgumentException("--interval-ms must be >= 0, was " + intervalMs);
        if (!(disagreementThreshold > 0)) {
            throw new IllegalArgumentException("--disagreement-threshold must be > 0, was " + disagreementThreshold);
        }
        MeterOptions options = MeterOptions.builder().optSamplingIntervalS(intervalMs / 1000.0).optGpus(gpus)
                .optDisagreementThreshold(disagreementThreshold)
                .optCpuScope(CpuScope.CHILDREN).build(); // the estimate counts the child's CPU time, not this JVM's
        CommandMeasurement.Result result;
        ObjectNode doc;
        MeterChoice choice;
        PrintWriter err = spec.commandLine().getErr();
        // Opened before the command runs, so an unwritable --out is found before the work, not after it.
        boolean outExisted = out != null && java.nio.file.Files.exists(out);
        FileChannel outFile = out == null ? null : openOut(out);
        try (EnergyMeter m = Meters.open(meter, options)) {
            try {
                result = CommandMeasurement.run(m, command, idleSeconds, series);
            } catch (CommandMeasurement.NotRunnableException e) {
                if (outFile != null) discardOut(outFile, outExisted);
                err.println("llm-energy: measure: " + e.getMessage());
                err.flush();
                return e.exitCode();
            }
            doc = MeasurementJson.toNode(result.measurement());
            ArrayNode argv = doc.putArray("command");
            command.forEach(argv::add);
            doc.put("exitCode", result.exitCode());
            putOutcome(doc, result);
            choice = m.choice();
            ArrayNode why = doc.putArray("meterChoice");
            choice.reasons().forEach(why::add);
            if (result.idle() != null) doc.set("idleBaseline", MeasurementJson.idle(result.idle()));
        }
        String json = MeasurementJson.write(doc);
        boolean jsonShown = format.equals("json");
        if (outFile != null) {
            try (FileChannel c = outFile) {
                c.truncate(0);
                ByteBuffer bytes = ByteBuffer.wrap((json + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) c.write(bytes);
                c.force(true);
            } catch (IOException e) {
                // The command has run: its measurement must not be lost with the file.
                err.println("llm-energy: cannot write " + out + " (" + e.getMessage() + "); the measurement follows");
                err.println(json);
                jsonShown = true;
            }
        }
        if (codecarbonCsv != null) CodeCarbonExport.append(codecarbonCsv, result.measurement(), err);
        if (!result.survivors().isEmpty()) {
            err.println("llm-energy: warning: " + result.survivors().size() + " process(es) the command started still"
                    + " ran when it exited (pids " + result.survivors() + "); their energy after that and their CPU"
                    + " time are not in this measurement");
        }
        if (result.interrupted()) {
            err.println("llm-energy: " + result.interruptedBy() + " received and forwarded to the command; the"
                    + " measurement covers the run until it stopped");
        }
        if (!jsonShown || format.equals("json")) {
            err.println(format.equals("json") ? json : MeasurementSummary.text(result.measurement()).stripTrailing());
            // a fallback is worth a line: the figure above comes from a meter the user may not expect
            if (!format.equals("json") && choice.fellBack()) err.println("  meter:   " + choice.describe());
        }
        err.flush();
        return result.exitCode();
    }

    /** Nothing was measured: leave no empty --out file behind that was not there before. */
    private void discardOut(FileChannel c, boolean existed) {
        try {
            c.close();
            if (!existed) java.nio.file.Files.deleteIfExists(out);
        } catch (IOException e) {
            // the command was not run either way; the message that follows says why
        }
    }

    private static FileChannel openOut(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out " + file + " (" + e.getMessage() + "); choose a"
                    + " writable file; the command was not run", e);
        }
    }

    /** How the command ended: interrupted, by which signal, and what it left running. */
    private static void putOutcome(ObjectNode doc, CommandMeasurement.Result r) {
        doc.put("interrupted", r.interrupted());
        if (r.interrupted()) doc.put("interruptedBy", r.interruptedBy());
        if (r.signal() != null) doc.put("signal", r.signal());
        ArrayNode pids = doc.putArray("survivingProcesses");
        r.survivors().forEach(pids::add);
        if (!r.survivors().isEmpty()) {
            doc.put("survivorsNote", "processes started by the command outlived it: their CPU time is not counted");
        }
    }
}
