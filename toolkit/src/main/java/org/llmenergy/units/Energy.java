package org.llmenergy.units;

/**
 * Energy conversions. The toolkit stores energy in joules; kWh and Wh exist for display and for the
 * paper's figures, which are in kWh.
 */
public final class Energy {
    /** Joules in one watt-hour. */
    public static final double JOULES_PER_WH = 3600.0;
    /** Joules in one kilowatt-hour. */
    public static final double JOULES_PER_KWH = 3.6e6;

    private Energy() {}

    /** @return {@code joules} in kilowatt-hours */
    public static double toKwh(double joules) { return joules / JOULES_PER_KWH; }

    /** @return {@code joules} in watt-hours */
    public static double toWh(double joules) { return joules / JOULES_PER_WH; }

    /** @return {@code kwh} kilowatt-hours in joules */
    public static double fromKwh(double kwh) { return kwh * JOULES_PER_KWH; }

    /** @return {@code millijoules} in joules (NVML's energy counter is in mJ) */
    public static double fromMillijoules(long millijoules) { return millijoules / 1000.0; }

    /** @return {@code microjoules} in joules (RAPL's {@code energy_uj} is in µJ) */
    public static double fromMicrojoules(long microjoules) { return microjoules / 1e6; }

    /**
     * Human-readable energy with a unit chosen by magnitude: J below 10 kJ, Wh below 10 kWh, else kWh.
     *
     * @param joules energy in joules
     * @return for example {@code "512.3 J"}, {@code "12.40 Wh"}, {@code "3.210 kWh"}
     */
    public static String format(double joules) {
        if (Double.isNaN(joules)) return "n/a";
        double a = Math.abs(joules);
        if (a < 1e4) return String.format(java.util.Locale.ROOT, "%.1f J", joules);
        if (a < 10 * JOULES_PER_KWH) return String.format(java.util.Locale.ROOT, "%.2f Wh", toWh(joules));
        return String.format(java.util.Locale.ROOT, "%.3f kWh", toKwh(joules));
    }
}
