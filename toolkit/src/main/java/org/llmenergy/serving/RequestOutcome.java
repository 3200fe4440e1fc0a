package org.llmenergy.serving;

/**
 * What one request saw.
 *
 * @param index       position in the arrival stream (0-based)
 * @param replica     the replica that served it
 * @param arrival     arrival, in seconds from the first arrival
 * @param input       prompt tokens
 * @param output      output tokens
 * @param ttftSeconds time to first token: arrival to the end of its prefill, in seconds
 * @param itlSeconds  mean inter-token latency over its decode iterations, in seconds
 * @param e2eSeconds  arrival to its last token, in seconds
 * @param preemptions times it was preempted and recomputed
 */
public record RequestOutcome(long index, int replica, double arrival, int input, int output, double ttftSeconds,
                             double itlSeconds, double e2eSeconds, int preemptions) {}
