package org.llmenergy.inference;

/** A decoding strategy: prefill, then decode until every sequence has exactly the requested output tokens. */
interface Generator {
    /**
     * @param ctx the run
     * @return the tokens and phase times
     */
    Generation generate(RunContext ctx);
}
