package org.llmenergy.units;

/** Power conversions. The toolkit stores power in watts. */
public final class Power {
    private Power() {}

    /** @return {@code milliwatts} in watts (NVML reports power in mW) */
    public static double fromMilliwatts(long milliwatts) { return milliwatts / 1000.0; }

    /** @return mean power in watts of {@code joules} spent over {@code seconds}, NaN for a zero-length span */
    public static double mean(double joules, double seconds) {
        return seconds > 0 ? joules / seconds : Double.NaN;
    }
}
