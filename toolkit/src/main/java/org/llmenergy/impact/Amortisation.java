package org.llmenergy.impact;

/**
 * How a device's manufacturing footprint is spread over its use: over {@code lifetimeYears}, of which the fraction
 * {@code utilisation} is spent doing work; each GPU-second of work is charged footprint / (lifetime x utilisation).
 *
 * @param lifetimeYears service life, years (365.25 days), > 0
 * @param utilisation   fraction of the life spent working, in (0, 1]
 * @param source        where the two numbers come from
 */
public record Amortisation(double lifetimeYears, double utilisation, String source) {
    /** Seconds in a year of 365.25 days. */
    public static final double SECONDS_PER_YEAR = 365.25 * 86400;
    /** The toolkit's default: 4 years, busy all the time. An assumption, stated as such; override it. */
    public static final Amortisation DEFAULT = new Amortisation(4, 1.0,
            "assumption (llm-energy default, not a published figure): 4 years, fully utilised; set --lifetime-years and --utilisation");

    public Amortisation {
        if (!Double.isFinite(lifetimeYears) || lifetimeYears <= 0) {
            throw new IllegalArgumentException("--lifetime-years must be > 0, got " + lifetimeYears);
        }
        if (!Double.isFinite(utilisation) || utilisation <= 0 || utilisation > 1) {
            throw new IllegalArgumentException("--utilisation must be in (0, 1], got " + utilisation);
        }
    }

    /**
     * @param footprintKg manufacturing footprint of one device, kgCO2e
     * @return the share charged to one second of work, gCO2e per device-second
     */
    public double gramsPerSecond(double footprintKg) {
        return footprintKg * 1000 / (lifetimeYears * SECONDS_PER_YEAR * utilisation);
    }
}
