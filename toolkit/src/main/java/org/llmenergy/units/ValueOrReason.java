package org.llmenergy.units;

/**
 * A figure that is either there or missing with the reason, never a 0 standing in for "unknown". One contract for
 * every such record: {@code energy.EnergyFigure} (joules with provenance), {@code experiment.IdlePower} (watts over
 * an idle window), {@code experiment.EnergyAmounts} (a phase's energy in the paper's units),
 * {@code impact.ImpactValue} (an interval in a unit) and {@code impact.Embodied.Footprint} (a per-GPU factor).
 * Their payloads differ and each keeps its own serialized layout; what they share, and state here once, is the
 * rule that exactly one of value and reason is there and the way callers ask which.
 */
public interface ValueOrReason {
    /** @return true when the value is there (and {@link #missingReason()} is null) */
    boolean isPresent();

    /** @return why the value is missing; null when it is there */
    String missingReason();

    /**
     * The rule every implementation's constructor applies.
     *
     * @param value  the value, or null when it is missing
     * @param reason why it is missing, or null when it is there
     * @param what   what the value is, for the message, for example {@code "idle power"}
     * @throws IllegalArgumentException when both or neither are given, or the reason is blank
     */
    static void requireValueOrReason(Object value, String reason, String what) {
        if (value == null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an absent " + what + " needs a reason");
        }
        if (value != null && reason != null) {
            throw new IllegalArgumentException("a present " + what + " has no missing reason, got '" + reason + "'");
        }
    }
}
