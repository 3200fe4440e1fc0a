package org.llmenergy.units;

/**
 * The one rule of every "value, or the reason it is missing" record ({@code EnergyFigure}, {@code IdlePower},
 * {@code EnergyAmounts}, {@code ImpactValue}, {@code Embodied.Footprint}): exactly one of the two is there, and a
 * reason says something. A 0 never stands in for "unknown".
 */
public final class MissingValue {
    private MissingValue() {}

    /**
     * @param value  the value, or null when it is missing
     * @param reason why it is missing, or null when it is there
     * @param what   what the value is, for the message, for example {@code "idle power"}
     * @throws IllegalArgumentException when both or neither are given, or the reason is blank
     */
    public static void requireValueOrReason(Object value, String reason, String what) {
        if (value == null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an absent " + what + " needs a reason");
        }
        if (value != null && reason != null) {
            throw new IllegalArgumentException("a present " + what + " has no missing reason, got '" + reason + "'");
        }
    }
}
