package org.llmenergy.energy;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of NVML ({@code libnvidia-ml.so.1}) the toolkit calls, bound through JNA. Signatures follow
 * NVIDIA's nvml.h (API version 12; github.com/XuehaiPan/nvml-dev nvml.h @bc73f41). Out-parameters read on
 * every sample are plain {@link Pointer}s to reused native buffers, so sampling does not allocate.
 */
interface NvmlLibrary extends Library {
    /** {@code NVML_FI_DEV_POWER_AVERAGE}: power averaged over 1 s, Ampere (except GA100) and newer (nvml.h). */
    int FI_DEV_POWER_AVERAGE = 185;
    /** {@code NVML_FI_DEV_POWER_INSTANT}: current power, all architectures (nvml.h). */
    int FI_DEV_POWER_INSTANT = 186;
    /** {@code sizeof(nvmlFieldValue_t)}: u32 fieldId, u32 scopeId, i64 timestamp, i64 latencyUsec, u32 valueType, u32 nvmlReturn, 8-byte value. */
    int FIELD_VALUE_SIZE = 40;
    /** Offsets inside {@code nvmlFieldValue_t}. */
    int FV_FIELD_ID = 0;
    int FV_SCOPE_ID = 4;
    int FV_VALUE_TYPE = 24;
    int FV_RETURN = 28;
    int FV_VALUE = 32;
    /** {@code NVML_POWER_SCOPE_GPU}: the scope id of a power field that asks for the GPU itself (not module or memory). */
    int POWER_SCOPE_GPU = 0;
    /** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE} and {@code NVML_DEVICE_UUID_V2_BUFFER_SIZE}. */
    int NAME_BUFFER = 96;
    /** {@code NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE}. */
    int DRIVER_BUFFER = 80;
    /** {@code NVML_TEMPERATURE_GPU}. */
    int TEMPERATURE_GPU = 0;
    /** {@code NVML_CLOCK_SM}. */
    int CLOCK_SM = 1;

    int nvmlInit_v2();

    int nvmlShutdown();

    String nvmlErrorString(int result);

    int nvmlSystemGetDriverVersion(byte[] version, int length);

    int nvmlDeviceGetCount_v2(IntByReference count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    int nvmlDeviceGetArchitecture(Pointer device, IntByReference arch);

    int nvmlDeviceGetEnforcedPowerLimit(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetMigMode(Pointer device, IntByReference currentMode, IntByReference pendingMode);

    /** Energy in mJ since the driver was last reloaded (unsigned long long), Volta and newer. */
    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, Pointer millijoules);

    /** Board power in mW (unsigned int); a 1-s average on Ampere (except GA100) and newer. */
    int nvmlDeviceGetPowerUsage(Pointer device, Pointer milliwatts);

    int nvmlDeviceGetFieldValues(Pointer device, int valuesCount, Pointer values);

    int nvmlDeviceGetTemperature(Pointer device, int sensor, Pointer celsius);

    int nvmlDeviceGetClockInfo(Pointer device, int type, Pointer mhz);

    /** Fills {@code nvmlUtilization_t} {unsigned gpu, unsigned memory}, percent. */
    int nvmlDeviceGetUtilizationRates(Pointer device, Pointer utilization);
}
