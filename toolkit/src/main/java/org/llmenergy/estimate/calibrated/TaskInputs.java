package org.llmenergy.estimate.calibrated;

import java.util.Map;

/**
 * Prompt lengths of the ML.ENERGY tasks. The leaderboard's files give output-length histograms but no input
 * lengths, and the public task definitions name the datasets without publishing token statistics, so these are
 * ASSUMPTIONS, stated here and in every answer that uses them (flag {@code assumption}); {@code calibrate} fits a
 * task-level correction with a log-normal prior around them (sigma {@value #PRIOR_LOG_SIGMA} in ln) and prints the
 * sensitivity of the validation error to halving and doubling them.
 *
 * <ul>
 *   <li>{@code lm-arena-chat}: 200 tokens. LMArena conversations are mostly short single-turn user prompts (a few
 *       dozen to a few hundred tokens) plus the chat template.</li>
 *   <li>{@code gpqa}: 250 tokens. A GPQA question (graduate-level, a paragraph) with its four answer options and
 *       an answer-format instruction.</li>
 *   <li>{@code sourcegraph-fim}: 1,500 tokens. Fill-in-the-middle code completion sends a file's prefix and suffix
 *       around the cursor, typically one to a few thousand tokens.</li>
 *   <li>{@code chat} and {@code code} (ML.ENERGY v2): 200 and 300 tokens (ShareGPT-style prompts; code prompts).</li>
 * </ul>
 */
public final class TaskInputs {
    /** Prior width of the fitted task correction, in ln units. */
    public static final double PRIOR_LOG_SIGMA = 0.7;
    /** Used for a task not listed, and flagged. */
    public static final double UNKNOWN_TASK_TOKENS = 500;

    private static final Map<String, Double> ASSUMED = Map.of(
            "lm-arena-chat", 200.0,
            "gpqa", 250.0,
            "sourcegraph-fim", 1500.0,
            "chat", 200.0,
            "code", 300.0);

    private TaskInputs() {}

    /** @return the assumed mean prompt length of a task, in tokens, or {@link #UNKNOWN_TASK_TOKENS} */
    public static double assumed(String task) { return ASSUMED.getOrDefault(task, UNKNOWN_TASK_TOKENS); }

    /** @return true when the task has a documented assumption */
    public static boolean known(String task) { return ASSUMED.containsKey(task); }
}
