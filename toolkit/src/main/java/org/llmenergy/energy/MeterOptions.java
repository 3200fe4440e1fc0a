package org.llmenergy.energy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings for opening a meter: {@link #defaults()}, or {@link #builder()} and the {@code opt…} settings you
 * need, or {@link #toBuilder()} to derive a variant. The ranges are checked when the options are built.
 *
 * @param samplingIntervalS     power sampling interval in seconds (default 0.1); 0 reads only at window edges
 * @param telemetryIntervalS    temperature/clock/utilisation interval in seconds (default 0.5, NVML only)
 * @param disagreementThreshold counter-vs-integral relative difference above which a figure is flagged
 *                              (default 0.10)
 * @param counterProbeS         longest time spent at open timing the NVML energy counter's update period
 *                              (default 0.5 s; it stops after three updates)
 * @param gpus                  which of the visible GPUs to measure, as CUDA ordinals (positions in
 *                              {@code CUDA_VISIBLE_DEVICES}); null means all visible GPUs
 * @param cudaVisibleDevices    the {@code CUDA_VISIBLE_DEVICES} value to honour; null means unset (all GPUs)
 * @param cudaDeviceOrder       the {@code CUDA_DEVICE_ORDER} value, used only to warn about ordering
 * @param nvmlLibrary           the name or path JNA loads NVML from (default {@code "nvidia-ml"}, which finds
 *                              {@code libnvidia-ml.so.1} through {@code jna.library.path} and the system)
 * @param powercapRoot          the powercap sysfs folder (default {@code /sys/class/powercap})
 * @param procRoot              the procfs folder (default {@code /proc})
 * @param cpuScope              whose CPU time the CPU-time estimate counts (default {@link CpuScope#PROCESS})
 * @param cpuModel              the CPU model name to look up in the catalog; null reads {@code /proc/cpuinfo}
 * @param syncHook              called at window edges (default {@link SyncHook#NONE})
 */
public record MeterOptions(double samplingIntervalS, double telemetryIntervalS, double disagreementThreshold,
                           double counterProbeS, List<Integer> gpus, String cudaVisibleDevices,
                           String cudaDeviceOrder, String nvmlLibrary, Path powercapRoot, Path procRoot,
                           CpuScope cpuScope, String cpuModel, SyncHook syncHook) {

    public MeterOptions {
        if (!(samplingIntervalS >= 0) || samplingIntervalS > 60) {
            throw new IllegalArgumentException("sampling interval must be between 0 and 60 s, was " + samplingIntervalS);
        }
        if (samplingIntervalS > 0 && samplingIntervalS < 0.001) {
            throw new IllegalArgumentException("sampling interval below 1 ms is not meaningful (NVML power updates "
                    + "every 1/6 to 1 s), was " + samplingIntervalS + " s");
        }
        if (!(telemetryIntervalS >= 0)) throw new IllegalArgumentException("telemetry interval must be >= 0 s");
        if (!(disagreementThreshold > 0)) throw new IllegalArgumentException("disagreement threshold must be > 0");
        if (!(counterProbeS >= 0)) throw new IllegalArgumentException("counter probe time must be >= 0 s");
        gpus = gpus == null ? null : List.copyOf(gpus);
        Objects.requireNonNull(nvmlLibrary, "nvmlLibrary");
        Objects.requireNonNull(powercapRoot, "powercapRoot");
        Objects.requireNonNull(procRoot, "procRoot");
        Objects.requireNonNull(cpuScope, "cpuScope");
        syncHook = syncHook == null ? SyncHook.NONE : syncHook;
    }

    /** @return the defaults, with {@code CUDA_VISIBLE_DEVICES} and {@code CUDA_DEVICE_ORDER} from the environment */
    public static MeterOptions defaults() { return builder().build(); }

    /**
     * @return a builder holding the defaults ({@code CUDA_VISIBLE_DEVICES} and {@code CUDA_DEVICE_ORDER} from the
     *         environment); every setting is optional
     */
    public static Builder builder() { return new Builder(); }

    /** @return a builder holding these options, to derive a variant */
    public Builder toBuilder() {
        return new Builder().optSamplingIntervalS(samplingIntervalS).optTelemetryIntervalS(telemetryIntervalS)
                .optDisagreementThreshold(disagreementThreshold).optCounterProbeS(counterProbeS).optGpus(gpus)
                .optCudaVisibleDevices(cudaVisibleDevices).optCudaDeviceOrder(cudaDeviceOrder)
                .optNvmlLibrary(nvmlLibrary).optPowercapRoot(powercapRoot).optProcRoot(procRoot).optCpuScope(cpuScope).optCpuModel(cpuModel)
                .optSyncHook(syncHook);
    }

    /**
     * Builds {@link MeterOptions} in DJL's convention ({@code opt…} for optional settings; a meter needs none).
     * Each {@code opt} documents its default; {@link #build()} checks the ranges.
     */
    public static final class Builder {
        private double samplingIntervalS = 0.1;
        private double telemetryIntervalS = 0.5;
        private double disagreementThreshold = 0.10;
        private double counterProbeS = 0.5;
        private List<Integer> gpus;
        private String cudaVisibleDevices = System.getenv("CUDA_VISIBLE_DEVICES");
        private String cudaDeviceOrder = System.getenv("CUDA_DEVICE_ORDER");
        private String nvmlLibrary = "nvidia-ml";
        private Path powercapRoot = Path.of("/sys/class/powercap");
        private Path procRoot = Path.of("/proc");
        private CpuScope cpuScope = CpuScope.PROCESS;
        private String cpuModel;
        private SyncHook syncHook = SyncHook.NONE;

        Builder() {}

        /** @param s power sampling interval in seconds; default 0.1; 0 reads only at window edges @return this */
        public Builder optSamplingIntervalS(double s) { samplingIntervalS = s; return this; }

        /** @param s telemetry interval in seconds (NVML only); default 0.5 @return this */
        public Builder optTelemetryIntervalS(double s) { telemetryIntervalS = s; return this; }

        /** @param fraction counter-vs-integral relative difference that flags a figure; default 0.10 @return this */
        public Builder optDisagreementThreshold(double fraction) { disagreementThreshold = fraction; return this; }

        /** @param s longest time timing the NVML counter's update period at open; default 0.5 @return this */
        public Builder optCounterProbeS(double s) { counterProbeS = s; return this; }

        /** @param cudaOrdinals GPUs to measure, as CUDA ordinals; default null (all visible) @return this */
        public Builder optGpus(List<Integer> cudaOrdinals) { gpus = cudaOrdinals; return this; }

        /** @param value {@code CUDA_VISIBLE_DEVICES} to honour, null for unset; default the environment's @return this */
        public Builder optCudaVisibleDevices(String value) { cudaVisibleDevices = value; return this; }

        /** @param value the {@code CUDA_DEVICE_ORDER}, null for unset; default the environment's @return this */
        public Builder optCudaDeviceOrder(String value) { cudaDeviceOrder = value; return this; }

        /** @param nameOrPath what JNA loads NVML from; default {@code "nvidia-ml"} @return this */
        public Builder optNvmlLibrary(String nameOrPath) { nvmlLibrary = nameOrPath; return this; }

        /** @param root the powercap sysfs folder; default {@code /sys/class/powercap} @return this */
        public Builder optPowercapRoot(Path root) { powercapRoot = root; return this; }

        /** @param root the procfs folder; default {@code /proc} @return this */
        public Builder optProcRoot(Path root) { procRoot = root; return this; }

        /** @param scope whose CPU time the CPU-time estimate counts; default {@link CpuScope#PROCESS} @return this */
        public Builder optCpuScope(CpuScope scope) { cpuScope = scope; return this; }

        /** @param modelName CPU model to look up in the catalog; default null (read /proc/cpuinfo) @return this */
        public Builder optCpuModel(String modelName) { cpuModel = modelName; return this; }

        /** @param hook called at window edges; default {@link SyncHook#NONE} @return this */
        public Builder optSyncHook(SyncHook hook) { syncHook = hook; return this; }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the setting when an interval, threshold or probe time is out of
         *                                  range
         * @throws NullPointerException     when a library, folder or scope is null
         */
        public MeterOptions build() {
            return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                    cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel,
                    syncHook);
        }
    }
}
