package org.llmenergy.workload;

/** Receives the (input, output) token lengths of a trace's requests, one at a time, in file order. */
@FunctionalInterface
public interface LengthSink {
    /**
     * @param input  prompt length, tokens
     * @param output generated length, tokens
     */
    void accept(int input, int output);
}
