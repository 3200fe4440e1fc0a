package org.llmenergy.impact;

/**
 * Facility factors: PUE (facility energy over IT energy) and WUE (litres of water consumed on site per kWh of IT
 * energy), their published defaults and the user's overrides.
 */
public final class Datacenter {
    /** Industry-average PUE of the data centres surveyed. */
    public static final Factor PUE_INDUSTRY_AVERAGE = new Factor(1.56, "ratio",
            "Uptime Institute, Global Data Center Survey 2024", 2024,
            "average annual PUE reported by the surveyed operators for their largest data centre");
    /** Google's fleet-wide PUE, used for GCP regions. */
    public static final Factor PUE_GOOGLE_FLEET = new Factor(1.10, "ratio",
            "Google, 2024 Environmental Report", 2023, "fleet-wide trailing twelve-month PUE of Google's data centres");
    /** Average on-site water use of data centres. */
    public static final Factor WUE_INDUSTRY_AVERAGE = new Factor(1.8, "L/kWh",
            "Shehabi et al., United States Data Center Energy Usage Report, LBNL-1005775 (2016)", 2014,
            "US data centres' average on-site water per kWh they consume (2014 estimate); applied here per kWh of IT energy,"
                    + " as WUE is defined; providers publish no per-region WUE");

    private Datacenter() {}

    /**
     * @param override the user's PUE, or null
     * @param where    the location (GCP regions default to Google's fleet PUE, everything else to the survey average)
     * @return the PUE to use
     * @throws IllegalArgumentException for a PUE below 1 or not finite
     */
    public static Factor pue(Double override, Location where) {
        if (override != null) {
            if (!Double.isFinite(override) || override < 1) {
                throw new IllegalArgumentException("--pue must be >= 1 (facility energy over IT energy), got " + override);
            }
            return Factor.user(override, "ratio", "--pue");
        }
        if (where instanceof Location.CloudRegion r && r.provider().equals("gcp")) return PUE_GOOGLE_FLEET;
        return PUE_INDUSTRY_AVERAGE;
    }

    /**
     * @param override the user's WUE in L/kWh, or null for {@link #WUE_INDUSTRY_AVERAGE}
     * @return the WUE to use
     * @throws IllegalArgumentException for a negative or non-finite WUE
     */
    public static Factor wue(Double override) {
        if (override == null) return WUE_INDUSTRY_AVERAGE;
        if (!Double.isFinite(override) || override < 0) {
            throw new IllegalArgumentException("--wue must be a finite number of L/kWh >= 0, got " + override);
        }
        return Factor.user(override, "L/kWh", "--wue");
    }
}
