package org.llmenergy.energy;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.llmenergy.units.Power;
import org.llmenergy.units.Provenance.Source;

/**
 * NVIDIA GPUs through NVML, one channel per GPU: the cumulative energy counter
 * ({@code nvmlDeviceGetTotalEnergyConsumption}, mJ, Volta and newer) as the primary figure, and power —
 * {@code NVML_FI_DEV_POWER_INSTANT} (plus {@code _AVERAGE}) through {@code nvmlDeviceGetFieldValues} where
 * offered, {@code nvmlDeviceGetPowerUsage} otherwise — for the cross-checking integral.
 */
final class NvmlBackend implements MeterBackend {
    /** Used to bound counter jumps when the power limit is unknown, in W. */
    private static final double FALLBACK_MAX_W = 5000;
    /** nvmlDeviceArchitecture_t: Volta is the first with the energy counter; Ampere the first with 1-s averaged usage. */
    static final int ARCH_VOLTA = 5;
    static final int ARCH_AMPERE = 7;
    private static final String[] ARCH_NAMES = {null, null, "Kepler", "Maxwell", "Pascal", "Volta", "Turing",
            "Ampere", "Ada", "Hopper", "Blackwell", "Orin"};

    private final NvmlLibrary lib;
    private final String driver;
    private final List<Gpu> gpus;
    private final List<Channel> channels;
    private final List<String> caveats;
    private final Map<String, String> details;
    private boolean shutDown;

    private NvmlBackend(NvmlLibrary lib, String driver, List<Gpu> gpus, List<Channel> channels,
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
     * @throws MeterUnavailableException with the reason when NVML cannot be used
     */
    static NvmlBackend open(MeterOptions options) {
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
            return openInitialised(lib, options, visible);
        } catch (RuntimeException e) {
            lib.nvmlShutdown();
            throw e;
        }
    }

    private static NvmlBackend openInitialised(NvmlLibrary lib, MeterOptions options,
                                               List<CudaVisibleDevices.Entry> visible) {
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

        List<Gpu> gpus = new ArrayList<>();
        for (int ordinal : ordinals) gpus.add(Gpu.open(lib, ordinal, nvmlIndices.get(ordinal)));
        if (gpus.stream().noneMatch(g -> g.counterWhy == null || g.powerWhy == null)) {
            throw new MeterUnavailableException(MeterKind.NVML, "no selected GPU offers an energy counter or a power "
                    + "reading: " + gpus.stream().map(g -> "gpu" + g.ordinal + ": " + g.counterWhy).toList());
        }
        probeCounterPeriods(lib, gpus, options.counterProbeS());

        List<Channel> channels = new ArrayList<>();
        for (Gpu g : gpus) channels.add(g.channel());
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
    private static void probeCounterPeriods(NvmlLibrary lib, List<Gpu> gpus, double maxS) {
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
        long start = System.nanoTime();
        long deadline = start + Math.round(maxS * 1e9);
        long now = start;
        while (now < deadline) {
            boolean any = false;
            for (int g = 0; g < k; g++) {
                if (!active[g]) continue;
                Gpu gpu = gpus.get(g);
                if (!gpu.readCounter(lib)) {
                    active[g] = false;
                    continue;
                }
                long t = System.nanoTime();
                if (gpu.energyMj() != last[g]) {
                    last[g] = gpu.energyMj();
                    changes[g][seen[g]++] = t;
                    if (seen[g] == changes[g].length) active[g] = false;
                }
                any |= active[g];
            }
            if (!any) break;
            LockSupport.parkNanos(500_000);
            now = System.nanoTime();
        }
        long end = System.nanoTime();
        for (int g = 0; g < k; g++) {
            Gpu gpu = gpus.get(g);
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
        for (Gpu g : gpus) {
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

    /** One GPU: its handle, what it offers, and native buffers reused for every read. */
    private static final class Gpu {
        final int ordinal;
        final int nvmlIndex;
        final Pointer handle;
        final String uuid;
        final String name;
        final int arch;
        final Double limitW;
        String counterWhy;
        boolean useFields;
        boolean averageField;
        boolean useUsage;
        String powerWhy;
        double periodS = Double.NaN;
        boolean periodLowerBound;
        volatile boolean lost;
        private final Memory energy = new Memory(8);
        private final Memory word = new Memory(4);
        private final Memory fields = new Memory(2L * NvmlLibrary.FIELD_VALUE_SIZE);
        private final Memory util = new Memory(8);

        private Gpu(int ordinal, int nvmlIndex, Pointer handle, String uuid, String name, int arch, Double limitW) {
            this.ordinal = ordinal;
            this.nvmlIndex = nvmlIndex;
            this.handle = handle;
            this.uuid = uuid;
            this.name = name;
            this.arch = arch;
            this.limitW = limitW;
        }

        static Gpu open(NvmlLibrary lib, int ordinal, int nvmlIndex) {
            PointerByReference ref = new PointerByReference();
            int rc = lib.nvmlDeviceGetHandleByIndex_v2(nvmlIndex, ref);
            if (rc != NvmlReturn.SUCCESS) {
                throw new MeterUnavailableException(MeterKind.NVML, "GPU " + nvmlIndex + ": nvmlDeviceGetHandleByIndex_v2 returned "
                        + NvmlReturn.describe(lib, rc));
            }
            Pointer h = ref.getValue();
            byte[] buf = new byte[NvmlLibrary.NAME_BUFFER];
            String name = lib.nvmlDeviceGetName(h, buf, buf.length) == NvmlReturn.SUCCESS ? Native.toString(buf) : "unknown GPU";
            buf = new byte[NvmlLibrary.NAME_BUFFER];
            String uuid = lib.nvmlDeviceGetUUID(h, buf, buf.length) == NvmlReturn.SUCCESS ? Native.toString(buf) : "GPU-?";
            IntByReference v = new IntByReference();
            int arch = safe(() -> lib.nvmlDeviceGetArchitecture(h, v)) == NvmlReturn.SUCCESS ? v.getValue() : -1;
            Double limit = safe(() -> lib.nvmlDeviceGetEnforcedPowerLimit(h, v)) == NvmlReturn.SUCCESS
                    ? Power.fromMilliwatts(Integer.toUnsignedLong(v.getValue())) : null;
            IntByReference current = new IntByReference();
            IntByReference pending = new IntByReference();
            if (safe(() -> lib.nvmlDeviceGetMigMode(h, current, pending)) == NvmlReturn.SUCCESS && current.getValue() == 1) {
                throw new MeterUnavailableException(MeterKind.NVML, "GPU " + nvmlIndex + " (" + uuid + ", " + name
                        + ") is in MIG mode: NVML's energy counter and power cover the whole GPU, not a MIG instance, "
                        + "so the energy of one instance cannot be measured; disable MIG or measure the whole GPU "
                        + "from outside the instances");
            }
            Gpu g = new Gpu(ordinal, nvmlIndex, h, uuid, name, arch, limit);
            g.probeCapabilities(lib);
            return g;
        }

        private interface Call { int run(); }

        /** Calls a function that an old driver may not export; a missing symbol counts as NOT_SUPPORTED. */
        private static int safe(Call call) {
            try {
                return call.run();
            } catch (UnsatisfiedLinkError e) {
                return NvmlReturn.NOT_SUPPORTED;
            }
        }

        private void probeCapabilities(NvmlLibrary lib) {
            int rc = safe(() -> lib.nvmlDeviceGetTotalEnergyConsumption(handle, energy));
            if (rc != NvmlReturn.SUCCESS) {
                counterWhy = "nvmlDeviceGetTotalEnergyConsumption returned " + NvmlReturn.describe(lib, rc)
                        + (rc == NvmlReturn.NOT_SUPPORTED ? " (pre-Volta GPU or a vGPU without the energy counter)" : "");
            }
            fields.setInt(NvmlLibrary.FV_FIELD_ID, NvmlLibrary.FI_DEV_POWER_INSTANT);
            fields.setInt(NvmlLibrary.FIELD_VALUE_SIZE + NvmlLibrary.FV_FIELD_ID, NvmlLibrary.FI_DEV_POWER_AVERAGE);
            rc = safe(() -> lib.nvmlDeviceGetFieldValues(handle, 2, fields));
            if (rc == NvmlReturn.SUCCESS && fields.getInt(NvmlLibrary.FV_RETURN) == NvmlReturn.SUCCESS) {
                useFields = true;
                averageField = fields.getInt(NvmlLibrary.FIELD_VALUE_SIZE + NvmlLibrary.FV_RETURN) == NvmlReturn.SUCCESS;
                return;
            }
            String fieldsWhy = rc != NvmlReturn.SUCCESS ? NvmlReturn.describe(lib, rc)
                    : NvmlReturn.describe(lib, fields.getInt(NvmlLibrary.FV_RETURN));
            rc = safe(() -> lib.nvmlDeviceGetPowerUsage(handle, word));
            if (rc == NvmlReturn.SUCCESS) {
                useUsage = true;
            } else {
                powerWhy = "no power reading: NVML_FI_DEV_POWER_INSTANT gave " + fieldsWhy
                        + ", nvmlDeviceGetPowerUsage returned " + NvmlReturn.describe(lib, rc);
            }
        }

        /** Reads the counter into the scratch buffer. @return false on any error */
        boolean readCounter(NvmlLibrary lib) {
            return lib.nvmlDeviceGetTotalEnergyConsumption(handle, energy) == NvmlReturn.SUCCESS;
        }

        long energyMj() { return energy.getLong(0); }

        void read(NvmlLibrary lib, int c, ChannelReadings into) {
            if (lost) {
                into.lost(c, lostMessage(lib));
                return;
            }
            if (counterWhy == null) {
                int rc = lib.nvmlDeviceGetTotalEnergyConsumption(handle, energy);
                if (rc == NvmlReturn.SUCCESS) {
                    into.counter(c, energy.getLong(0));
                } else if (fail(lib, c, rc, "nvmlDeviceGetTotalEnergyConsumption", into)) {
                    return;
                }
            }
            if (useFields) {
                int rc = lib.nvmlDeviceGetFieldValues(handle, averageField ? 2 : 1, fields);
                if (rc != NvmlReturn.SUCCESS) {
                    fail(lib, c, rc, "nvmlDeviceGetFieldValues", into);
                    return;
                }
                double instant = fieldWatts(0);
                if (Double.isNaN(instant)) {
                    into.failed(c, "NVML_FI_DEV_POWER_INSTANT returned " + NvmlReturn.describe(lib, fields.getInt(NvmlLibrary.FV_RETURN)));
                } else {
                    into.power(c, instant);
                }
                if (averageField) into.averagePower(c, fieldWatts(1));
            } else if (useUsage) {
                int rc = lib.nvmlDeviceGetPowerUsage(handle, word);
                if (rc == NvmlReturn.SUCCESS) {
                    into.power(c, Power.fromMilliwatts(Integer.toUnsignedLong(word.getInt(0))));
                } else {
                    fail(lib, c, rc, "nvmlDeviceGetPowerUsage", into);
                }
            }
        }

        /** Records a failed call. @return true when the GPU is lost */
        private boolean fail(NvmlLibrary lib, int c, int rc, String function, ChannelReadings into) {
            if (rc == NvmlReturn.GPU_IS_LOST) {
                lost = true;
                into.lost(c, lostMessage(lib));
                return true;
            }
            into.failed(c, function + " returned " + NvmlReturn.describe(lib, rc));
            return false;
        }

        private String lostMessage(NvmlLibrary lib) {
            return "GPU " + nvmlIndex + " (" + uuid + ") " + NvmlReturn.describe(lib, NvmlReturn.GPU_IS_LOST)
                    + ": it fell off the bus or became inaccessible";
        }

        /** @return the i-th field value in watts, NaN when its nvmlReturn is not SUCCESS */
        private double fieldWatts(int i) {
            long base = (long) i * NvmlLibrary.FIELD_VALUE_SIZE;
            if (fields.getInt(base + NvmlLibrary.FV_RETURN) != NvmlReturn.SUCCESS) return Double.NaN;
            long off = base + NvmlLibrary.FV_VALUE;
            double milliwatts = switch (fields.getInt(base + NvmlLibrary.FV_VALUE_TYPE)) {
                case 0 -> fields.getDouble(off);
                case 1 -> Integer.toUnsignedLong(fields.getInt(off));
                case 2, 3, 4 -> fields.getLong(off);
                case 5 -> fields.getInt(off);
                case 6 -> fields.getShort(off) & 0xffff;
                default -> Double.NaN;
            };
            return milliwatts / 1000.0;
        }

        TelemetrySample telemetry(NvmlLibrary lib, double nowS) {
            Integer temp = lib.nvmlDeviceGetTemperature(handle, NvmlLibrary.TEMPERATURE_GPU, word) == NvmlReturn.SUCCESS
                    ? word.getInt(0) : null;
            Integer clock = lib.nvmlDeviceGetClockInfo(handle, NvmlLibrary.CLOCK_SM, word) == NvmlReturn.SUCCESS
                    ? word.getInt(0) : null;
            boolean utilOk = lib.nvmlDeviceGetUtilizationRates(handle, util) == NvmlReturn.SUCCESS;
            return new TelemetrySample(nowS, "gpu" + ordinal, temp, clock, utilOk ? util.getInt(0) : null,
                    utilOk ? util.getInt(4) : null);
        }

        Channel channel() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("cudaOrdinal", Integer.toString(ordinal));
            d.put("nvmlIndex", Integer.toString(nvmlIndex));
            d.put("uuid", uuid);
            d.put("name", name);
            d.put("architecture", archName(arch));
            if (limitW != null) d.put("powerLimitW", MeasurementAssembler.fmt(limitW));
            String quantity = useFields ? "instant" : useUsage ? "usage" : null;
            String caveat = null;
            boolean ga100 = name.contains("A100") || name.contains("A30");
            if (useUsage && arch >= ARCH_AMPERE && !ga100) {
                caveat = "power from nvmlDeviceGetPowerUsage, a 1-s moving average on Ampere (except GA100) and newer "
                        + "GPUs: the integral lags and smooths the true power";
            }
            double maxW = limitW != null ? 2 * limitW : FALLBACK_MAX_W;
            return new Channel("gpu" + ordinal, "gpu", uuid + ": " + name, true, Source.NVML_COUNTER, 1e-3, 0, maxW,
                    counterWhy, quantity, quantity == null ? powerWhy : null, caveat, periodS, periodLowerBound, d);
        }

        private static String archName(int arch) {
            if (arch >= 0 && arch < ARCH_NAMES.length && ARCH_NAMES[arch] != null) return ARCH_NAMES[arch];
            return arch < 0 ? "unknown" : String.format(Locale.ROOT, "nvml-arch-%d", arch);
        }
    }
}
