package org.llmenergy.energy;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Power;
import org.llmenergy.units.Provenance.Source;

/** One GPU seen through NVML: its handle, what it offers, and native buffers reused for every read. */
final class NvmlGpu {
    /** Bounds counter jumps when the power limit is unknown, in W. */
    private static final double FALLBACK_MAX_W = 5000;
    /** nvmlDeviceArchitecture_t (nvml.h): Ampere is the first whose nvmlDeviceGetPowerUsage is a 1-s average. */
    static final int ARCH_AMPERE = 7;
    private static final String[] ARCH_NAMES = {null, null, "Kepler", "Maxwell", "Pascal", "Volta", "Turing",
            "Ampere", "Ada", "Hopper", "Blackwell", "Orin"};

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
    /** Why NVML_FI_DEV_POWER_INSTANT was not used where it was asked for; null when it is used. */
    String instantFieldWhy;
    double periodS = Double.NaN;
    boolean periodLowerBound;
    volatile boolean lost;
    private final Memory energy = new Memory(8);
    private final Memory word = new Memory(4);
    private final Memory fields = new Memory(2L * NvmlLibrary.FIELD_VALUE_SIZE);
    private final Memory util = new Memory(8);

    private NvmlGpu(int ordinal, int nvmlIndex, Pointer handle, String uuid, String name, int arch, Double limitW) {
        this.ordinal = ordinal;
        this.nvmlIndex = nvmlIndex;
        this.handle = handle;
        this.uuid = uuid;
        this.name = name;
        this.arch = arch;
        this.limitW = limitW;
    }

    static NvmlGpu open(NvmlLibrary lib, int ordinal, int nvmlIndex) {
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
        NvmlGpu g = new NvmlGpu(ordinal, nvmlIndex, h, uuid, name, arch, limit);
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
        // JNA's Memory is malloc'd, not zeroed: a stale scopeId makes the driver refuse the power fields
        // (seen on an H200, driver 580.159, where the toolkit fell back to the 1-s average while a zeroed
        // ctypes struct got the instant reading). Zero both entries and ask for the GPU's own scope.
        fields.clear();
        for (int i = 0; i < 2; i++) {
            long at = (long) i * NvmlLibrary.FIELD_VALUE_SIZE;
            fields.setInt(at + NvmlLibrary.FV_FIELD_ID, i == 0 ? NvmlLibrary.FI_DEV_POWER_INSTANT : NvmlLibrary.FI_DEV_POWER_AVERAGE);
            fields.setInt(at + NvmlLibrary.FV_SCOPE_ID, NvmlLibrary.POWER_SCOPE_GPU);
        }
        rc = safe(() -> lib.nvmlDeviceGetFieldValues(handle, 2, fields));
        if (rc == NvmlReturn.SUCCESS && fields.getInt(NvmlLibrary.FV_RETURN) == NvmlReturn.SUCCESS) {
            useFields = true;
            averageField = fields.getInt(NvmlLibrary.FIELD_VALUE_SIZE + NvmlLibrary.FV_RETURN) == NvmlReturn.SUCCESS;
            return;
        }
        String fieldsWhy = rc != NvmlReturn.SUCCESS ? NvmlReturn.describe(lib, rc)
                : NvmlReturn.describe(lib, fields.getInt(NvmlLibrary.FV_RETURN));
        instantFieldWhy = "NVML_FI_DEV_POWER_INSTANT: " + fieldsWhy;
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
        if (instantFieldWhy != null) d.put("instantPowerRefused", instantFieldWhy);
        String quantity = useFields ? "instant" : useUsage ? "usage" : null;
        String caveat = null;
        boolean ga100 = name.contains("A100") || name.contains("A30");
        if (useUsage && arch >= ARCH_AMPERE && !ga100) {
            caveat = "power from nvmlDeviceGetPowerUsage, a 1-s moving average on Ampere (except GA100) and newer "
                    + "GPUs: the integral lags and smooths the true power";
        }
        double maxW = limitW != null ? 2 * limitW : FALLBACK_MAX_W;
        return new Channel("gpu" + ordinal, "gpu", uuid + ": " + name, true, Source.NVML_COUNTER,
                Energy.fromMillijoules(1), 0, maxW,
                counterWhy, quantity, quantity == null ? powerWhy : null, caveat, periodS, periodLowerBound, d);
    }

    private static String archName(int arch) {
        if (arch >= 0 && arch < ARCH_NAMES.length && ARCH_NAMES[arch] != null) return ARCH_NAMES[arch];
        return arch < 0 ? "unknown" : String.format(Locale.ROOT, "nvml-arch-%d", arch);
    }
}
