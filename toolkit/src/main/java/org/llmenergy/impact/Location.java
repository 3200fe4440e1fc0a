package org.llmenergy.impact;

import java.util.Locale;

/**
 * Where the electricity was used, which decides the grid factors. There is no default: a caller names a country,
 * a cloud region, the world average, or gives the intensity itself.
 */
public sealed interface Location {
    /** @return a short label, for example {@code "FRA"}, {@code "gcp:europe-west1"}, {@code "world"} */
    String label();

    /** @param iso3 an ISO 3166-1 alpha-3 country code, upper case */
    record Country(String iso3) implements Location {
        public Country {
            if (iso3 == null || !iso3.matches("[A-Z]{3}")) throw new IllegalArgumentException("not an ISO-3 country code: '" + iso3 + "'");
        }

        @Override
        public String label() { return iso3; }
    }

    /** The world average, used only when asked for by name. */
    record World() implements Location {
        @Override
        public String label() { return "world"; }
    }

    /**
     * @param provider the cloud provider as CodeCarbon's impact.csv names it ({@code gcp}, {@code aws}, {@code azure})
     * @param region   the provider's region name, for example {@code europe-west1}
     */
    record CloudRegion(String provider, String region) implements Location {
        @Override
        public String label() { return provider + ":" + region; }

        /**
         * @param text {@code provider:region}, for example {@code gcp:europe-west1}
         * @return the region, lower case
         */
        public static CloudRegion parse(String text) {
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("--cloud must be provider:region, for example gcp:europe-west1; got '" + text + "'");
            }
            return new CloudRegion(text.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    text.substring(colon + 1).trim().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A grid the user describes directly.
     *
     * @param gco2ePerKwh carbon intensity, gCO2e/kWh, in [0, {@value GridCatalog#MAX_INTENSITY}]
     * @param waterLPerKwh off-site water of the grid, L/kWh, or null when not given
     */
    record Direct(double gco2ePerKwh, Double waterLPerKwh) implements Location {
        public Direct {
            GridCatalog.checkIntensity(gco2ePerKwh, "--grid-intensity");
            if (waterLPerKwh != null && !(waterLPerKwh >= 0 && Double.isFinite(waterLPerKwh))) {
                throw new IllegalArgumentException("--grid-water must be a finite number of L/kWh >= 0, got " + waterLPerKwh);
            }
        }

        @Override
        public String label() { return "user grid"; }
    }

    /**
     * @param text an ISO-3 code (any case) or {@code world}
     * @return the location; a country is checked against the catalog by {@link GridCatalog#grid}
     */
    static Location region(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("--region needs an ISO-3 country code or 'world'");
        String t = text.trim();
        if (t.equalsIgnoreCase("world")) return new World();
        if (t.matches("[A-Za-z]{3}")) return new Country(t.toUpperCase(Locale.ROOT));
        return new NamedRegion(t);
    }

    /**
     * @param text {@code provider:region} for a cloud region, else as {@link #region(String)}
     * @return the location
     */
    static Location parse(String text) {
        return text != null && text.contains(":") ? CloudRegion.parse(text) : region(text);
    }

    /** A region given by something other than an ISO-3 code (a country name); the catalog resolves or rejects it. */
    record NamedRegion(String name) implements Location {
        @Override
        public String label() { return name; }
    }
}
