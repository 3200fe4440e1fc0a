package org.llmenergy.estimate.paper;

/**
 * One digitised Figure 2 value against the fitted model.
 *
 * @param panel     the Figure 2 panel
 * @param batchSize the series' batch size
 * @param tokens    the x position used: prompt tokens (prefill, decode-vs-input) or decode tokens (decode-vs-output)
 * @param observed  the digitised value, in kWh per 1,024 examples
 * @param fitted    the model's value there, in kWh per 1,024 examples
 * @param role      whether the point was fitted, excluded from the fit, or held out as a check
 * @param note      why a point was excluded, or what was assumed to place it
 */
public record FitResidual(String panel, int batchSize, int tokens, double observed, double fitted, Role role, String note) {

    /** How a point was used. */
    public enum Role {
        /** Used in the least-squares fit. */
        FITTED,
        /** Left out of the fit for a stated reason; shown for honesty. */
        EXCLUDED,
        /** From another panel; never fitted, used to check the fit. */
        HELD_OUT
    }

    /** @return ln(fitted / observed): about the relative error for small values */
    public double logResidual() { return Math.log(fitted / observed); }
}
