package org.llmenergy.inference;

/**
 * The two phases of a generation run. Prefill processes the prompt and yields the first output token (its
 * duration is the time to first token); decode yields the remaining output tokens one step at a time.
 */
public enum Phase {
    PREFILL,
    DECODE;

    /** Where a phase's window opens or closes. */
    public enum Edge { START, END }
}
