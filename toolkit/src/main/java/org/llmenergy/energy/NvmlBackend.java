package org.llmenergy.energy;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NVIDIA GPUs through NVML, one channel per GPU: the cumulative energy counter
 * ({@code nvmlDeviceGetTotalEnergyConsumption}, mJ, Volta and newer) as the primary figure, and power —
 * {@code NVML_FI_DEV_POWER_INSTANT} (plus {@code _AVERAGE}) through {@code nvmlDeviceGetFieldValues} where
 * offered, {@code nvmlDeviceGetPowerUsage} otherwise — for the cross-checking integral.
 */
final class NvmlBackend implements MeterBackend {
    private final NvmlLibrary lib;
    private final String driver;
    private final List<NvmlGpu> gpus;
    private final List<Channel> channels;
    private final List<String> caveats;
    private final Map<String, String> details;
    private boolean shutDown;

    private NvmlBackend(NvmlLibrary lib, String driver, List<NvmlGpu> gpus, List<Channel> channels,
                        List<String> caveats, Map<String, String> details) {
        this.lib = lib;
        this.driver = driver;
        this.gpus = gpus;
        this.channels = channels;
        this.caveats = caveats;
        this.details = details;
    }

    /**
     * Loads NVML, initialises it and opens the GPUs {@code CUDA_VISIBLE_DEVICES} and {@code options.gpus()} select.
     *
     * @param clock times the counter probe ({@link MeterClock#SYSTEM} outside tests)
     * @throws MeterUnavailableException with the reason when NVML cannot be used
     */
    static NvmlBackend open(MeterOptions options, MeterClock clock) {
        List<CudaVisibleDevices.Entry> visible = CudaVisibleDevices.parse(options.cudaVisibleDevices());
        if (visible != null && visible.isEmpty()) {
            throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES is empty: no GPU is visible");
        }
        NvmlLibrary lib;
        try {
            lib = Native.load(options.nvmlLibrary(), NvmlLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            throw new MeterUnavailableException(MeterKind.NVML, "cannot load NVML ('" + options.nvmlLibrary()
                    + "', libnvidia-ml.so.1): no NVIDIA driver installed? " + loadErrorSummary(e.getMessage()), e);
        }
        int rc;
        try {
            rc = lib.nvmlInit_v2();
        } catch (UnsatisfiedLinkError e) {
            throw new MeterUnavailableException(MeterKind.NVML, "the library loaded as '" + options.nvmlLibrary()
                    + "' has no nvmlInit_v2: not NVML? " + loadErrorSummary(e.getMessage()), e);
        }
        if (rc != NvmlReturn.SUCCESS) {
            throw new MeterUnavailableException(MeterKind.NVML, "nvmlInit_v2 returned " + NvmlReturn.describe(lib, rc)
                    + (rc == NvmlReturn.DRIVER_NOT_LOADED ? " — the NVIDIA kernel driver is not loaded" : ""));
        }
        try {
            return openInitialised(lib, options, visible, clock);
        } catch (RuntimeException e) {
            lib.nvmlShutdown();
            throw e;
        }
    }

    private static NvmlBackend openInitialised(NvmlLibrary lib, MeterOptions options,
                                               List<CudaVisibleDevices.Entry> visible, MeterClock clock) {
        byte[] buf = new byte[NvmlLibrary.DRIVER_BUFFER];
        String driver = lib.nvmlSystemGetDriverVersion(buf, buf.length) == NvmlReturn.SUCCESS
                ? Native.toString(buf) : null;
        IntByReference count = new IntByReference();
        int rc = lib.nvmlDeviceGetCount_v2(count);
        if (rc != NvmlReturn.SUCCESS) {
            throw new MeterUnavailableException(MeterKind.NVML, "nvmlDeviceGetCount_v2 returned " + NvmlReturn.describe(lib, rc));
        }
        if (count.getValue() == 0) throw new MeterUnavailableException(MeterKind.NVML, "NVML reports no GPU");
        List<Integer> nvmlIndices = resolveVisible(lib, visible, count.getValue());
        List<Integer> ordinals = selectOrdinals(options.gpus(), nvmlIndices.size());

        List<NvmlGpu> gpus = new ArrayList<>();
        for (int ordinal : ordinals) gpus.add(NvmlGpu.open(lib, ordinal, nvmlIndices.get(ordinal)));
        if (gpus.stream().noneMatch(g -> g.counterWhy == null || g.powerWhy == null)) {
            throw new MeterUnavailableException(MeterKind.NVML, "no selected GPU offers an energy counter or a power "
                    + "reading: " + gpus.stream().map(g -> "gpu" + g.ordinal + ": " + g.counterWhy).toList());
        }
        probeCounterPeriods(lib, gpus, options.counterProbeS(), clock);

        List<Channel> channels = new ArrayList<>();
        for (NvmlGpu g : gpus) channels.add(g.channel());
        List<String> caveats = new ArrayList<>();
        boolean indexEntries = visible == null || visible.stream().anyMatch(e -> e.index() != null);
        boolean mixedModels = gpus.stream().map(g -> g.name).distinct().count() > 1;
        if (indexEntries && mixedModels && !"PCI_BUS_ID".equals(options.cudaDeviceOrder())) {
            caveats.add("CUDA_DEVICE_ORDER is not PCI_BUS_ID and the GPUs differ: CUDA's default order (fastest "
                    + "first) may not match NVML's PCI order, so GPU indices may name different devices");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("nvmlLibrary", options.nvmlLibrary());
        if (options.cudaVisibleDevices() != null) details.put("cudaVisibleDevices", options.cudaVisibleDevices());
        return new NvmlBackend(lib, driver, gpus, channels, List.copyOf(caveats), details);
    }

    /** @return NVML indices of the visible GPUs, in CUDA ordinal order */
    private static List<Integer> resolveVisible(NvmlLibrary lib, List<CudaVisibleDevices.Entry> visible, int count) {
        List<Integer> out = new ArrayList<>();
        if (visible == null) {
            for (int i = 0; i < count; i++) out.add(i);
            return out;
        }
        List<String> uuids = null;
        for (CudaVisibleDevices.Entry e : visible) {
            int index;
            if (e.index() != null) {
                if (e.index() >= count) {
                    throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES entry " + (e.position() + 1)
                            + " is GPU " + e.index() + " but NVML sees only " + count + " GPU(s)");
                }
                index = e.index();
            } else {
                if (uuids == null) uuids = allUuids(lib, count);
                List<Integer> hits = new ArrayList<>();
                for (int i = 0; i < count; i++) if (uuids.get(i).startsWith(e.uuidPrefix())) hits.add(i);
                if (hits.size() != 1) {
                    throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES entry " + (e.position() + 1)
                            + " '" + e.uuidPrefix() + "' matches " + (hits.isEmpty() ? "no GPU" : hits.size() + " GPUs")
                            + "; NVML's GPUs: " + uuids);
                }
                index = hits.get(0);
            }
            if (out.contains(index)) {
                throw new MeterUnavailableException(MeterKind.NVML, "CUDA_VISIBLE_DEVICES names GPU " + index + " twice");
            }
            out.add(index);
        }
        return out;
    }

    private static List<String> allUuids(NvmlLibrary lib, int count) {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PointerByReference ref = new PointerByReference();
            int rc = lib.nvmlDeviceGetHandleByIndex_v2(i, ref);
            byte[] buf = new byte[NvmlLibrary.NAME_BUFFER];
            if (rc == NvmlReturn.SUCCESS) rc = lib.nvmlDeviceGetUUID(ref.getValue(), buf, buf.length);
            uuids.add(rc == NvmlReturn.SUCCESS ? Native.toString(buf) : "?");
        }
        return uuids;
    }

    private static List<Integer> selectOrdinals(List<Integer> requested, int visibleCount) {
        List<Integer> out = new ArrayList<>();
        if (requested == null) {
            for (int i = 0; i < visibleCount; i++) out.add(i);
            return out;
        }
        if (requested.isEmpty()) throw new IllegalArgumentException("--gpus selects no GPU");
        for (int r : requested) {
            if (r < 0 || r >= visibleCount) {
                throw new IllegalArgumentException("GPU " + r + " is not visible: " + visibleCount
                        + " GPU(s) visible (CUDA ordinals 0.." + (visibleCount - 1) + ")");
            }
            if (out.contains(r)) throw new IllegalArgumentException("GPU " + r + " selected twice");
            out.add(r);
        }
        return out;
    }

    /**
     * Times the energy counter's update period: back-to-back reads about every 0.5 ms until every GPU's
     * counter changed four times or {@code maxS} passed (Zeus infers the power update period similarly).
     */
    private static void probeCounterPeriods(NvmlLibrary lib, List<NvmlGpu> gpus, double maxS, MeterClock clock) {
        if (maxS <= 0) return;
        int k = gpus.size();
        long[][] changes = new long[k][4];
        int[] seen = new int[k];
        long[] last = new long[k];
        boolean[] active = new boolean[k];
        for (int g = 0; g < k; g++) {
            active[g] = gpus.get(g).counterWhy == null && gpus.get(g).readCounter(lib);
            last[g] = gpus.get(g).energyMj();
        }
        long start = clock.nanoTime();
        long deadline = start + Math.round(maxS * 1e9);
        long now = start;
        while (now < deadline) {
            boolean any = false;
            for (int g = 0; g < k; g++) {
                if (!active[g]) continue;
                NvmlGpu gpu = gpus.get(g);
                if (!gpu.readCounter(lib)) {
                    active[g] = false;
                    continue;
                }
                long t = clock.nanoTime();
                if (gpu.energyMj() != last[g]) {
                    last[g] = gpu.energyMj();
                    changes[g][seen[g]++] = t;
                    if (seen[g] == changes[g].length) active[g] = false;
                }
                any |= active[g];
            }
            if (!any) break;
            try {
                clock.sleep(500_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop probing; what was seen so far still bounds the period
                break;
            }
            now = clock.nanoTime();
        }
        long end = clock.nanoTime();
        for (int g = 0; g < k; g++) {
            NvmlGpu gpu = gpus.get(g);
            if (gpu.counterWhy != null) continue;
            if (seen[g] >= 2) {
                long[] gaps = new long[seen[g] - 1];
                for (int i = 1; i < seen[g]; i++) gaps[i - 1] = changes[g][i] - changes[g][i - 1];
                Arrays.sort(gaps);
                gpu.periodS = gaps[gaps.length / 2] / 1e9;
                gpu.periodLowerBound = false;
            } else {
                long bound = seen[g] == 1 ? Math.max(changes[g][0] - start, end - changes[g][0]) : end - start;
                gpu.periodS = bound / 1e9;
                gpu.periodLowerBound = true;
            }
        }
    }

    @Override public MeterKind kind() { return MeterKind.NVML; }

    @Override public String driver() { return driver; }

    @Override public List<Channel> channels() { return channels; }

    @Override public Map<String, String> details() { return details; }

    @Override public List<String> caveats() { return caveats; }

    @Override
    public void read(ChannelReadings into) {
        for (int c = 0; c < gpus.size(); c++) gpus.get(c).read(lib, c, into);
    }

    @Override
    public List<TelemetrySample> readTelemetry(double nowS) {
        List<TelemetrySample> out = new ArrayList<>();
        for (NvmlGpu g : gpus) {
            if (!g.lost) out.add(g.telemetry(lib, nowS));
        }
        return out;
    }

    @Override
    public void close() {
        if (shutDown) return;
        shutDown = true;
        lib.nvmlShutdown();
    }

    /** The first two non-blank lines of JNA's multi-line load error ("Unable to load library …:" and why). */
    private static String loadErrorSummary(String s) {
        if (s == null) return "";
        return String.join(" ", s.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList());
    }
}
