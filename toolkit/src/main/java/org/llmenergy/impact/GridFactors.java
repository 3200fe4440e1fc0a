package org.llmenergy.impact;

import java.util.Objects;

/**
 * The grid factors of one location, each present or absent with a reason.
 *
 * @param location          where
 * @param name              a readable name, for example {@code "France"} or {@code "gcp:europe-west1 (Belgium, St. Ghislain)"}
 * @param carbonIntensity   gCO2e/kWh, or null
 * @param carbonMissing     why {@code carbonIntensity} is null, else null
 * @param water             off-site water of the grid, L/kWh, or null
 * @param primaryEnergy     primary energy, MJ/kWh, or null (EcoLogits zones only)
 * @param adpe              abiotic resource depletion, kgSbeq/kWh, or null (EcoLogits zones only)
 * @param waterMissing      why {@code water} (and the other EcoLogits factors) are null, else null
 */
public record GridFactors(Location location, String name, Factor carbonIntensity, String carbonMissing, Factor water,
                          Factor primaryEnergy, Factor adpe, String waterMissing) {
    public GridFactors {
        Objects.requireNonNull(location, "location");
        if ((carbonIntensity == null) == (carbonMissing == null)) {
            throw new IllegalArgumentException(location.label() + ": carbon intensity needs either a value or a reason, not both");
        }
        if ((water == null) == (waterMissing == null)) {
            throw new IllegalArgumentException(location.label() + ": grid water needs either a value or a reason, not both");
        }
    }
}
