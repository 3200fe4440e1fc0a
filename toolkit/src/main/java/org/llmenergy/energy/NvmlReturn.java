package org.llmenergy.energy;

/** NVML return codes (nvmlReturn_t in nvml.h) that the toolkit names in its messages. */
final class NvmlReturn {
    static final int SUCCESS = 0;
    static final int NOT_SUPPORTED = 3;
    static final int DRIVER_NOT_LOADED = 9;
    static final int GPU_IS_LOST = 15;

    private static final String[] NAMES = {
            "NVML_SUCCESS", "NVML_ERROR_UNINITIALIZED", "NVML_ERROR_INVALID_ARGUMENT", "NVML_ERROR_NOT_SUPPORTED",
            "NVML_ERROR_NO_PERMISSION", "NVML_ERROR_ALREADY_INITIALIZED", "NVML_ERROR_NOT_FOUND",
            "NVML_ERROR_INSUFFICIENT_SIZE", "NVML_ERROR_INSUFFICIENT_POWER", "NVML_ERROR_DRIVER_NOT_LOADED",
            "NVML_ERROR_TIMEOUT", "NVML_ERROR_IRQ_ISSUE", "NVML_ERROR_LIBRARY_NOT_FOUND",
            "NVML_ERROR_FUNCTION_NOT_FOUND", "NVML_ERROR_CORRUPTED_INFOROM", "NVML_ERROR_GPU_IS_LOST",
            "NVML_ERROR_RESET_REQUIRED", "NVML_ERROR_OPERATING_SYSTEM", "NVML_ERROR_LIB_RM_VERSION_MISMATCH",
            "NVML_ERROR_IN_USE"};

    private NvmlReturn() {}

    /** @return for example {@code "NVML_ERROR_GPU_IS_LOST (15)"} */
    static String name(int rc) {
        if (rc >= 0 && rc < NAMES.length) return NAMES[rc] + " (" + rc + ")";
        return rc == 999 ? "NVML_ERROR_UNKNOWN (999)" : "NVML error " + rc;
    }

    /** @return the code's name with NVML's own text, for example {@code "NVML_ERROR_DRIVER_NOT_LOADED (9): Driver Not Loaded"} */
    static String describe(NvmlLibrary lib, int rc) {
        String text;
        try {
            text = lib.nvmlErrorString(rc);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            text = null;
        }
        return text == null || text.isBlank() ? name(rc) : name(rc) + ": " + text;
    }
}
