package org.llmenergy.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The trace layouts the toolkit reads; the label is the catalog's {@code format}. */
public enum TraceFormat {
    /** Azure LLM inference trace 2023: {@code TIMESTAMP,ContextTokens,GeneratedTokens}, naive UTC times. */
    AZURE_2023("azure-2023"),
    /** Azure LLM inference trace 2024: same columns, times with an offset ({@code +00:00}). */
    AZURE_2024("azure-2024"),
    /**
     * BurstGPT (v1.1/v1.2): {@code Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type}, the
     * {@code _3} files adding {@code Session ID,Elapsed time}; times are seconds since the trace's start.
     */
    BURSTGPT("burstgpt"),
    /** Any CSV with a header naming input and output token columns (and optionally an arrival column). */
    CSV("csv"),
    /** JSON Lines: one object per line with input and output token fields. */
    JSONL("jsonl");

    private final String label;

    TraceFormat(String label) { this.label = label; }

    /** @return the stable label, as in the catalog and on the command line */
    public String label() { return label; }

    /**
     * @return the format with this label (case-insensitive)
     * @throws IllegalArgumentException naming the known labels
     */
    public static TraceFormat fromLabel(String label) {
        for (TraceFormat f : values()) if (f.label.equalsIgnoreCase(label.trim())) return f;
        throw new IllegalArgumentException("unknown trace format '" + label + "'; known: "
                + Arrays.stream(values()).map(TraceFormat::label).collect(Collectors.joining(", ")));
    }

    /** @return true when {@code catalogFormat} names a trace format this enum knows */
    public static boolean isTraceFormat(String catalogFormat) {
        String l = catalogFormat.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).anyMatch(f -> f.label.equals(l));
    }
}
