package org.llmenergy.energy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings for opening a meter. Start from {@link #defaults()} and change what you need with the
 * {@code with…} methods.
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
    public static MeterOptions defaults() {
        return new MeterOptions(0.1, 0.5, 0.10, 0.5, null, System.getenv("CUDA_VISIBLE_DEVICES"),
                System.getenv("CUDA_DEVICE_ORDER"), "nvidia-ml", Path.of("/sys/class/powercap"), Path.of("/proc"),
                CpuScope.PROCESS, null, SyncHook.NONE);
    }

    public MeterOptions withSamplingIntervalS(double s) {
        return new MeterOptions(s, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus, cudaVisibleDevices,
                cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withTelemetryIntervalS(double s) {
        return new MeterOptions(samplingIntervalS, s, disagreementThreshold, counterProbeS, gpus, cudaVisibleDevices,
                cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withDisagreementThreshold(double fraction) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, fraction, counterProbeS, gpus, cudaVisibleDevices,
                cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withCounterProbeS(double s) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, s, gpus, cudaVisibleDevices,
                cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withGpus(List<Integer> cudaOrdinals) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS,
                cudaOrdinals, cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope,
                cpuModel, syncHook);
    }

    public MeterOptions withCudaVisibleDevices(String value) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus, value,
                cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withCudaDeviceOrder(String value) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, value, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withNvmlLibrary(String nameOrPath) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nameOrPath, powercapRoot, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withPowercapRoot(Path root) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, root, procRoot, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withProcRoot(Path root) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, root, cpuScope, cpuModel, syncHook);
    }

    public MeterOptions withCpuScope(CpuScope scope) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, scope, cpuModel, syncHook);
    }

    public MeterOptions withCpuModel(String modelName) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, modelName, syncHook);
    }

    public MeterOptions withSyncHook(SyncHook hook) {
        return new MeterOptions(samplingIntervalS, telemetryIntervalS, disagreementThreshold, counterProbeS, gpus,
                cudaVisibleDevices, cudaDeviceOrder, nvmlLibrary, powercapRoot, procRoot, cpuScope, cpuModel, hook);
    }
}
