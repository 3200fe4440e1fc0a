package org.llmenergy.workload;

/**
 * What binning does with a request longer than the largest bin (input above the last input edge, or output
 * above the last output edge).
 */
public enum OverflowPolicy {
    /** Leave it out and count it (the paper: inputs above 8,192 or outputs above 512 tokens are excluded, §4.2). */
    EXCLUDE,
    /** Put it in the largest bin of the overflowing dimension, and count it as clipped. */
    CLIP;

    /** @return the lower-case label used on the command line */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** @return the policy with this label (case-insensitive) */
    public static OverflowPolicy fromLabel(String label) {
        for (OverflowPolicy p : values()) if (p.label().equalsIgnoreCase(label.trim())) return p;
        throw new IllegalArgumentException("unknown overflow policy '" + label + "'; known: exclude, clip");
    }
}
