package org.llmenergy.energy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.llmenergy.hardware.CpuCatalog;
import org.llmenergy.hardware.CpuSpec;
import org.llmenergy.units.Provenance.Source;

/**
 * The CPU-time estimate: energy = CPU-seconds × (TDP / hardware threads) of the CPU model, from
 * {@link CpuCatalog}, or a generic per-thread figure for a CPU not in it. This is TDP × utilisation, the
 * CodeCarbon fallback without its 10%-of-TDP floor, applied to the measured CPU time of a chosen set of
 * processes. It ignores idle and uncore power, frequency and SIMD width, so it is always labelled an
 * estimate; on machines without RAPL (VMs, containers, like the project's CI) it is the only figure there is.
 */
final class CpuEstimateBackend implements MeterBackend {
    private final CpuTimeSource source;
    private final Channel channel;
    private final Map<String, String> details;
    private final List<String> caveats;

    private CpuEstimateBackend(CpuTimeSource source, Channel channel, Map<String, String> details, List<String> caveats) {
        this.source = source;
        this.channel = channel;
        this.details = details;
        this.caveats = caveats;
    }

    static CpuEstimateBackend open(MeterOptions options) {
        Path cpuinfo = options.procRoot().resolve("cpuinfo");
        String cpuinfoText = Files.isReadable(cpuinfo) ? Procfs.read(cpuinfo) : "";
        String model = options.cpuModel() != null ? options.cpuModel() : Procfs.cpuModel(cpuinfoText);
        Optional<CpuSpec> spec = CpuCatalog.find(model);
        double wattsPerThread = spec.map(CpuSpec::wattsPerThread).orElse(CpuCatalog.genericWattsPerThread());
        String basis = spec.map(s -> String.format(Locale.ROOT, "%s: TDP %.0f W / %d threads = %.3f W per thread (%s)",
                s.name(), s.tdpW(), s.threads(), s.wattsPerThread(), s.source()))
                .orElse(CpuCatalog.genericExplanation() + " (CPU '" + (model == null ? "unknown" : model)
                        + "' is not in the catalog)");
        long ticks = Procfs.clockTicks();
        CpuTimeSource source = switch (options.cpuScope()) {
            case PROCESS -> new JvmCpuTime();
            case CHILDREN -> new ChildrenCpuTime(options.procRoot(), ticks);
            case MACHINE -> new MachineCpuTime(options.procRoot(), ticks);
        };
        int logical = Math.max(Procfs.logicalCpus(cpuinfoText), Runtime.getRuntime().availableProcessors());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("model", "energy = CPU-seconds × W per busy hardware thread");
        details.put("cpuModel", model == null ? "unknown" : model);
        details.put("catalogMatch", spec.map(CpuSpec::name).orElse("none"));
        details.put("wattsPerThread", MeasurementAssembler.fmt(wattsPerThread));
        details.put("wattsBasis", basis);
        details.put("cpuScope", options.cpuScope().label());
        details.put("cpuTimeSource", source.describe());
        details.put("logicalCpus", Integer.toString(logical));
        String caveat = String.format(Locale.ROOT, "estimate, not a measurement: %s × %.3f W per busy hardware "
                + "thread (%s); idle, uncore and DRAM power are not included", source.describe(), wattsPerThread,
                spec.map(CpuSpec::name).orElse("generic figure"));
        // Power can never exceed every logical CPU busy at once; a larger jump means the clock went backwards.
        double maxW = 4 * logical * wattsPerThread + 100;
        Channel ch = new Channel("cpu", "cpu", source.describe() + " on " + (model == null ? "an unknown CPU" : model),
                true, Source.CPU_TIME_ESTIMATE, wattsPerThread / 1e9, -1, maxW, null, null,
                "the CPU-time estimate has no power reading; power is derived from CPU-time differences", null,
                source.resolutionS(), false, Map.of());
        return new CpuEstimateBackend(source, ch, details, List.of(caveat));
    }

    @Override public MeterKind kind() { return MeterKind.CPU_ESTIMATE; }

    @Override public String driver() { return null; }

    @Override public List<Channel> channels() { return List.of(channel); }

    @Override public Map<String, String> details() { return details; }

    @Override public List<String> caveats() { return caveats; }

    @Override
    public void read(ChannelReadings into) {
        try {
            into.counter(0, source.cpuNanos());
        } catch (RuntimeException e) {
            into.failed(0, e.getMessage());
        }
    }

    @Override public void close() {}
}
