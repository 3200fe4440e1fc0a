package org.llmenergy.serving;

import java.util.Locale;

/** How arriving requests are spread over replicas. */
public enum Router {
    /** Replica i mod R for the i-th request. */
    ROUND_ROBIN("round-robin"),
    /** The replica with the fewest running plus waiting requests at the arrival (lowest index on ties). */
    LEAST_LOADED("least-loaded");

    private final String label;

    Router(String label) { this.label = label; }

    /** @return the CLI spelling */
    public String label() { return label; }

    /** @return the router named {@code text} */
    public static Router parse(String text) {
        for (Router r : values()) if (r.label.equals(text.trim().toLowerCase(Locale.ROOT))) return r;
        throw new IllegalArgumentException("--router must be round-robin or least-loaded, got '" + text + "'");
    }
}
