package org.llmenergy.serving;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.StepCost;

/**
 * One engine replica: a vLLM-style iteration-level scheduler and its clock.
 *
 * <p>Continuous batching: every iteration first decodes one token for each decoding sequence, then spends the rest of
 * the token budget ({@code max_batched_tokens}) on prompt chunks, oldest first: sequences part-way through their
 * prefill, then waiting requests admitted first-come first-served while fewer than {@code max_num_seqs} run and the KV
 * cache holds their whole prompt. Without chunked prefill, an iteration that admits prompts runs them whole and alone
 * (decodes wait), as vLLM's default scheduler did. A decode that finds the cache full preempts the most recently
 * admitted sequence by recompute: its KV is freed and it waits at the head of the queue to prefill prompt plus
 * generated tokens again. Static batching (the paper's offline mode): when the replica is empty it takes the next B
 * requests, prefills them in one step and decodes until the last one finishes.
 *
 * <p>Accounting: each request runs its prefill and then {@code output} decode iterations, as the calibrated model
 * prices it; the token sampled at the end of the prefill is the one vLLM would already emit there, so TTFT is the end
 * of the prefill and ITL the mean decode-iteration time (one decode iteration more per request than vLLM, a 1/O
 * difference kept so that the simulator and {@code estimate} agree).
 *
 * <p><b>Runs of decode iterations.</b> Between events that change the batch (an arrival that can be admitted, a
 * sequence finishing, a KV-full preemption) every iteration decodes the same n sequences, and their mean context grows
 * by exactly one token per iteration. Such a run of k iterations is priced from two steps, at the first and the last
 * context: time and energy are summed by the trapezoid rule, exact when step time and energy are linear in context
 * (the KV-read term is; the smooth roofline bends only near the ridge point), and the iteration at which an arrival
 * falls is found from the same linear law. A test bounds the error against stepping every iteration.
 */
final class Replica {
    private final int id;
    private final CalibratedModel model;
    private final int maxNumSeqs;
    private final int staticBatch;
    private final int maxBatchedTokens;
    private final boolean chunkedPrefill;
    private final double kvCapacity;
    private final boolean everyIteration;
    private final ServingSimulator.Run run;

    private double clock;
    private double busySeconds;
    private double busyJoules;
    private long iterations;
    private double sequenceIterations;
    private long preemptions;
    private long oversizedStaticBatches;

    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final ArrayDeque<Sequence> prefilling = new ArrayDeque<>();
    private final PriorityQueue<Sequence> decoding = new PriorityQueue<>((a, b) -> Long.compare(a.finishAt, b.finishAt));
    private Sequence head;
    private Sequence tail;
    private int runningCount;
    /** Decode iterations this replica has run: a decoding sequence's context is promptLength + (decodeCounter - decodeStart). */
    private long decodeCounter;
    /** Sum over decoding sequences of (promptLength - decodeStart), so their summed context is this + n x decodeCounter. */
    private long decodeBase;
    private long prefillReserved;
    private final List<Sequence> done = new ArrayList<>();

    Replica(int id, CalibratedModel model, ServingSimulator.Limits limits, boolean everyIteration, ServingSimulator.Run run) {
        this.id = id;
        this.model = model;
        this.maxNumSeqs = limits.maxNumSeqs();
        this.staticBatch = limits.staticBatch();
        this.maxBatchedTokens = limits.maxBatchedTokens();
        this.chunkedPrefill = limits.chunkedPrefill();
        this.kvCapacity = model.kvCapacityTokens();
        this.everyIteration = everyIteration;
        this.run = run;
    }

    int id() { return id; }

    double clock() { return clock; }

    double busySeconds() { return busySeconds; }

    double busyJoules() { return busyJoules; }

    long iterations() { return iterations; }

    double sequenceIterations() { return sequenceIterations; }

    long preemptions() { return preemptions; }

    long oversizedStaticBatches() { return oversizedStaticBatches; }

    /** @return running plus waiting requests */
    int load() { return runningCount + waiting.size(); }

    boolean idle() { return runningCount == 0 && waiting.isEmpty(); }

    void enqueue(Sequence s) {
        if (idle() && clock < s.arrival) clock = s.arrival;
        waiting.addLast(s);
    }

    /**
     * Runs iterations until the clock reaches {@code until} (an arrival there must be queued before the next
     * iteration is scheduled) or nothing is left. A run of decode iterations stops at {@code until} only when an
     * arrival could join the batch; otherwise it goes on to its own next event.
     */
    void advance(double until) {
        while (!idle() && clock < until) {
            if (staticBatch > 0) {
                if (runningCount == 0) staticPrefill();
                else decodeRun(until);
            } else if (chunkedPrefill && kvCapacity - kvUsed() < decoding.size()) {
                preemptLast();
            } else if (!prefilling.isEmpty() || admissible()) {
                mixedIteration();
            } else if (!decoding.isEmpty()) {
                decodeRun(until);
            } else {
                throw new IllegalStateException("replica " + id + ": a waiting request can never be admitted (checked at submission)");
            }
        }
    }

    private double kvUsed() { return prefillReserved + decodeBase + (double) decoding.size() * decodeCounter; }

    private boolean admissible() {
        Sequence s = waiting.peekFirst();
        // room for the whole prompt and for this iteration's decode tokens, so an admission never forces a preemption
        return s != null && runningCount < maxNumSeqs && kvUsed() + s.promptLength + decoding.size() <= kvCapacity;
    }

    private void mixedIteration() {
        int decodes = chunkedPrefill ? decoding.size() : 0;
        double decodeContext = decodes > 0 ? meanDecodeContext() : 0;
        long budget = maxBatchedTokens - decodes;
        double tokens = 0;
        double attended = 0;
        int prefills = 0;
        for (Sequence s : prefilling) {
            if (budget <= 0) break;
            int chunk = (int) Math.min(s.promptLength - s.prefilled, budget);
            attended += chunk * (s.prefilled + chunk / 2.0);
            s.prefilled += chunk;
            tokens += chunk;
            budget -= chunk;
            prefills++;
        }
        while (budget > 0 && admissible()) {
            Sequence s = waiting.peekFirst();
            if (!chunkedPrefill && tokens > 0 && s.promptLength > budget) break;
            waiting.pollFirst();
            admit(s);
            int chunk = chunkedPrefill ? (int) Math.min(s.promptLength, budget) : s.promptLength;
            attended += chunk * (chunk / 2.0);
            s.prefilled = chunk;
            tokens += chunk;
            budget -= chunk;
            prefills++;
        }
        StepCost step = model.step(decodes, decodeContext, tokens, tokens > 0 ? attended / tokens : 0);
        spend(step.seconds(), step.joules(), 1, decodes + prefills);
        if (decodes > 0) {
            decodeCounter++;
            finishDue();
        }
        while (!prefilling.isEmpty() && prefilling.peekFirst().prefilled >= prefilling.peekFirst().promptLength) {
            startDecoding(prefilling.pollFirst());
        }
    }

    private void staticPrefill() {
        double tokens = 0;
        double attended = 0;
        double kv = 0;
        int n = 0;
        while (n < staticBatch && !waiting.isEmpty()) {
            Sequence s = waiting.pollFirst();
            admit(s);
            s.prefilled = s.promptLength;
            tokens += s.promptLength;
            attended += s.promptLength * (s.promptLength / 2.0);
            kv += s.promptLength + s.output;
            n++;
        }
        if (kv > kvCapacity) oversizedStaticBatches++;
        StepCost step = model.step(0, 0, tokens, attended / tokens);
        spend(step.seconds(), step.joules(), 1, n);
        while (!prefilling.isEmpty()) startDecoding(prefilling.pollFirst());
    }

    private void admit(Sequence s) {
        s.running = true;
        s.prev = tail;
        s.next = null;
        if (tail != null) tail.next = s; else head = s;
        tail = s;
        runningCount++;
        prefilling.addLast(s);
        prefillReserved += s.promptLength;
    }

    private void unlink(Sequence s) {
        if (s.prev != null) s.prev.next = s.next; else head = s.next;
        if (s.next != null) s.next.prev = s.prev; else tail = s.prev;
        s.prev = null;
        s.next = null;
        s.running = false;
        runningCount--;
    }

    private void startDecoding(Sequence s) {
        prefillReserved -= s.promptLength;
        if (Double.isNaN(s.firstToken)) s.firstToken = clock;
        s.decodeStart = decodeCounter;
        s.finishAt = decodeCounter + (s.output - s.generatedBefore);
        decodeBase += s.promptLength - s.decodeStart;
        decoding.add(s);
    }

    /** Mean context attended by the next decode iteration: stored tokens plus the new one. */
    private double meanDecodeContext() {
        int n = decoding.size();
        return (decodeBase + (double) n * decodeCounter) / n + 1;
    }

    private void decodeRun(double until) {
        int n = decoding.size();
        long k = decoding.peek().finishAt - decodeCounter;
        if (staticBatch == 0) {
            double room = kvCapacity - kvUsed();
            if (room < n) {
                preemptLast();
                return;
            }
            k = Math.min(k, (long) (room / n));
        }
        if (everyIteration) k = 1;
        double c0 = meanDecodeContext();
        StepCost first = model.step(n, c0, 0, 0);
        double seconds = first.seconds();
        double joules = first.joules();
        if (k > 1) {
            StepCost last = model.step(n, c0 + k - 1, 0, 0);
            double lastSeconds = last.seconds();
            double lastJoules = last.joules();
            boolean arrivalMatters = staticBatch == 0 && until < Double.POSITIVE_INFINITY && waiting.isEmpty() && runningCount < maxNumSeqs;
            if (arrivalMatters) {
                long j = iterationsToReach(until - clock, first.seconds(), (lastSeconds - first.seconds()) / (k - 1), k);
                if (j < k) {
                    // the same linear law, read at the shorter run's last iteration
                    double f = (j - 1) / (double) (k - 1);
                    lastSeconds = first.seconds() + f * (lastSeconds - first.seconds());
                    lastJoules = first.joules() + f * (lastJoules - first.joules());
                    k = j;
                }
            }
            seconds = k * (first.seconds() + lastSeconds) / 2;
            joules = k * (first.joules() + lastJoules) / 2;
        }
        spend(seconds, joules, k, (double) n * k);
        decodeCounter += k;
        finishDue();
    }

    /**
     * @return the fewest iterations, with times a + b j (j = 0, 1, ...), whose sum reaches {@code gap}; at most
     *         {@code k}, at least 1
     */
    static long iterationsToReach(double gap, double a, double b, long k) {
        if (gap <= a) return 1;
        if (k * a + b * k * (k - 1) / 2.0 < gap) return k;
        // k a + b k (k - 1) / 2 = gap, solved for k
        double j;
        if (Math.abs(b) < 1e-15 * a) {
            j = gap / a;
        } else {
            double p = a - b / 2;
            j = (-p + Math.sqrt(p * p + 2 * b * gap)) / b;
        }
        return Math.max(1, Math.min(k, (long) Math.ceil(j - 1e-9)));
    }

    private void spend(double seconds, double joules, long steps, double sequences) {
        run.power().addBusy(clock, seconds, joules);
        clock += seconds;
        busySeconds += seconds;
        busyJoules += joules;
        iterations += steps;
        sequenceIterations += sequences;
    }

    private void finishDue() {
        while (!decoding.isEmpty() && decoding.peek().finishAt <= decodeCounter) {
            Sequence s = decoding.poll();
            decodeBase -= s.promptLength - s.decodeStart;
            unlink(s);
            done.add(s);
        }
        for (Sequence s : done) run.finished(this, s, clock);
        done.clear();
    }

    private void preemptLast() {
        Sequence s = tail;
        if (s == null) throw new IllegalStateException("replica " + id + ": the KV cache is full with nothing running");
        if (prefilling.remove(s)) {
            prefillReserved -= s.promptLength;
        } else {
            decoding.remove(s);
            decodeBase -= s.promptLength - s.decodeStart;
            int generated = s.generatedBefore + (int) (decodeCounter - s.decodeStart);
            s.generatedBefore = generated;
            s.promptLength = s.input + generated;
        }
        s.prefilled = 0;
        s.preemptions++;
        unlink(s);
        waiting.addFirst(s);
        preemptions++;
    }
}
