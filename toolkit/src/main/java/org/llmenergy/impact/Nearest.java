package org.llmenergy.impact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Closest names by edit distance, for "unknown region" errors. */
final class Nearest {
    private Nearest() {}

    /**
     * @param query   what the user typed
     * @param choices key → how to show it; each key and its shown text are compared
     * @param n       how many to return
     * @return the shown texts of the {@code n} closest keys
     */
    static List<String> of(String query, Map<String, String> choices, int n) {
        String q = query.toLowerCase(Locale.ROOT);
        return choices.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, String>>comparingInt(e -> Math.min(
                                distance(q, e.getKey().toLowerCase(Locale.ROOT)),
                                distance(q, e.getValue().toLowerCase(Locale.ROOT))))
                        .thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getValue).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
