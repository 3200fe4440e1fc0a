package org.llmenergy.workload;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The input and output length statistics of the paper's Tables 1 and 2, as printed: Fernandez, Na, Tiwari,
 * Bisk, Luccioni, Strubell, "Energy Considerations of Large Language Model Inference and Efficiency
 * Optimizations", ACL 2025, Section 4.3, Tables 1–2. Mean and std are printed with 2 decimals, median and
 * 99th percentile as integers, so the tolerances are 0.005 and 0.5 tokens. The paper does not say which
 * trace versions or filters it used, nor its std divisor or percentile method (paper-digest §3.7, §9).
 */
public final class PaperTables {
    private static final String CITATION =
            "Fernandez et al., Energy Considerations of Large Language Model Inference and Efficiency "
                    + "Optimizations, ACL 2025, Tables 1-2";

    /** BurstGPT (Wang et al.): input 256.80 ± 242.27, median 215, p99 1038; output 35.10 ± 108.59, 7, 478. */
    public static final ExpectedLengthStats BURSTGPT = new ExpectedLengthStats("paper:burstgpt", CITATION,
            new PublishedLengthStats(256.80, 242.27, 215, 1038, 2, 0),
            new PublishedLengthStats(35.10, 108.59, 7, 478, 2, 0));

    /** Azure Chat (the conversation trace): input 1631.58 ± 1529.64, 928, 6683; output 105.51 ± 158.25, 41, 694. */
    public static final ExpectedLengthStats AZURE_CHAT = new ExpectedLengthStats("paper:azure-chat", CITATION,
            new PublishedLengthStats(1631.58, 1529.64, 928, 6683, 2, 0),
            new PublishedLengthStats(105.51, 158.25, 41, 694, 2, 0));

    /** Azure Code: input 2511.28 ± 2133.54, 1930, 7685; output 22.69 ± 74.78, 8, 271. */
    public static final ExpectedLengthStats AZURE_CODE = new ExpectedLengthStats("paper:azure-code", CITATION,
            new PublishedLengthStats(2511.28, 2133.54, 1930, 7685, 2, 0),
            new PublishedLengthStats(22.69, 74.78, 8, 271, 2, 0));

    private PaperTables() {}

    /** @return the three rows */
    public static List<ExpectedLengthStats> all() { return List.of(BURSTGPT, AZURE_CHAT, AZURE_CODE); }

    /**
     * @param row {@code burstgpt}, {@code azure-chat} (or {@code azure-conv}) or {@code azure-code}, with or
     *            without the {@code paper:} prefix
     * @return that row
     */
    public static ExpectedLengthStats row(String row) {
        String r = row.trim().toLowerCase(Locale.ROOT);
        if (r.startsWith("paper:")) r = r.substring("paper:".length());
        return switch (r) {
            case "burstgpt" -> BURSTGPT;
            case "azure-chat", "azure-conv" -> AZURE_CHAT;
            case "azure-code" -> AZURE_CODE;
            default -> throw new IllegalArgumentException("no paper row '" + row + "'; known: burstgpt, azure-chat, azure-code");
        };
    }

    /**
     * @param paperName a trace's name in the paper's Table 4 and Figures 1 and 7, as the dataset catalog's
     *                  {@code paperName} gives it: {@code BurstGPT}, {@code Azure Conversation} (which Tables 1-2
     *                  call Azure Chat) or {@code Azure Code}
     * @return the Tables 1-2 row of that trace, or empty for another name
     */
    public static Optional<ExpectedLengthStats> forPaperName(String paperName) {
        return switch (paperName) {
            case "BurstGPT" -> Optional.of(BURSTGPT);
            case "Azure Conversation" -> Optional.of(AZURE_CHAT);
            case "Azure Code" -> Optional.of(AZURE_CODE);
            default -> Optional.empty();
        };
    }
}
