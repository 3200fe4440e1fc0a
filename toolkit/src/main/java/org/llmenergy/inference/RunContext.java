package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What a decoding strategy needs for one run.
 *
 * @param target  the model
 * @param manager owner of everything the run keeps between steps; closed when the run ends
 * @param prompt  int64 {@code [batch, input]} prompt tokens on the model's device
 * @param spec    the run
 * @param clock   phase timing and listener edges
 */
record RunContext(Transformer target, NDManager manager, NDArray prompt, RunSpec spec, PhaseClock clock) {
    /** @return KV-cache capacity for prompt plus output plus {@code slack} positions */
    int capacity(int slack) { return spec.inputTokens() + spec.outputTokens() + slack; }
}
