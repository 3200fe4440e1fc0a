package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Speculative decoding (Leviathan et al. 2023, "Fast Inference from Transformers via Speculative Decoding";
 * Chen et al. 2023, "Accelerating Large Language Model Decoding with Speculative Sampling").
 *
 * <p>Each round the draft model proposes {@code g} tokens one at a time, the target scores the last accepted
 * token and all proposals in one forward pass of {@code g + 1} positions, a prefix of {@code a} proposals is kept,
 * and one more token comes from the target at the first position not kept (or after the last proposal when all
 * are kept). Both KV caches are then rolled back to the kept prefix. The last round proposes fewer tokens so
 * exactly the requested number is produced.
 *
 * <p>Acceptance is decided in one of three ways (see {@link Decoding.Speculative}): greedy verification,
 * rejection sampling, or, for random weights, a seeded draw at a configured per-token rate. In a batch every
 * sequence keeps the shortest prefix any sequence accepted; for greedy verification the target's token at that
 * position is then correct for every sequence, so the output equals plain greedy decoding.
 */
final class SpeculativeGenerator implements Generator {
    private final Transformer draft;
    private final int gamma;
    private final Double acceptanceRate;
    private final float temperature;

    SpeculativeGenerator(Transformer draft, Decoding.Speculative spec) {
        this.draft = draft;
        this.gamma = spec.gamma();
        this.acceptanceRate = spec.acceptanceRate();
        this.temperature = (float) spec.temperature();
    }

    private String mode() {
        if (acceptanceRate != null) return "simulated";
        return temperature > 0 ? "verified-sampling" : "verified-greedy";
    }

    @Override
    public Generation generate(RunContext ctx) {
        RunSpec spec = ctx.spec();
        Transformer target = ctx.target();
        int rows = spec.batch();
        int capacity = ctx.capacity(gamma + 1);
        SplittableRandom acceptanceDraws = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        TokenChooser chooser = temperature > 0 ? TokenChooser.of(new Decoding.Temperature(temperature)) : TokenChooser.greedy();
        try (KvCache targetCache = KvCache.allocate(ctx.manager(), target.config(), rows, capacity, target.type());
             KvCache draftCache = KvCache.allocate(ctx.manager(), draft.config(), rows, capacity, draft.type())) {
            NDList out = new NDList();
            int produced;
            NDArray lastTarget;   // the newest token, not yet fed to the target
            NDArray pendingDraft; // tokens not yet fed to the draft (one, or two after a fully accepted round)

            ctx.clock().start(Phase.PREFILL);
            try (NDScope ignored = new NDScope()) {
                lastTarget = chooser.choose(target.forward(ctx.prompt(), targetCache, false)).reshape(rows, 1);
                draft.forward(ctx.prompt(), draftCache, false);
                NDScope.unregister(lastTarget);
            }
            pendingDraft = lastTarget;
            out.add(lastTarget);
            produced = 1;
            double prefill = ctx.clock().end(Phase.PREFILL);

            int rounds = 0;
            long proposed = 0;
            long accepted = 0;
            ctx.clock().start(Phase.DECODE);
            while (produced < spec.outputTokens()) {
                int g = Math.min(gamma, spec.outputTokens() - produced - 1);
                if (g == 0) { // one token left: a plain target step
                    try (NDScope ignored = new NDScope()) {
                        NDArray t = chooser.choose(target.forward(lastTarget, targetCache, false)).reshape(rows, 1);
                        NDScope.unregister(t);
                        out.add(t);
                    }
                    produced++;
                    break;
                }
                Round r = round(target, g, rows, lastTarget, pendingDraft, targetCache, draftCache, chooser, acceptanceDraws);
                out.add(r.emitted);
                produced += r.accepted + 1;
                rounds++;
                proposed += g;
                accepted += r.accepted;
                if (pendingDraft != lastTarget) pendingDraft.close();
                lastTarget = r.nextTarget;
                pendingDraft = r.nextDraft;
            }
            double decode = ctx.clock().end(Phase.DECODE);
            NDArray tokens = out.size() == 1 ? out.get(0) : NDArrays.concat(out, 1);
            SpeculativeStats stats = new SpeculativeStats(mode(), acceptanceRate, gamma, rounds, proposed, accepted);
            return new Generation(prefill, decode, tokens, stats);
        }
    }

    /** One draft-then-verify round's outcome; its arrays live in the run's manager. */
    private record Round(NDArray emitted, int accepted, NDArray nextTarget, NDArray nextDraft) { }

    private Round round(Transformer target, int g, int rows, NDArray lastTarget, NDArray pendingDraft, KvCache targetCache,
                        KvCache draftCache, TokenChooser chooser, SplittableRandom draws) {
        int targetBefore = targetCache.length();
        int draftBefore = draftCache.length();
        int pending = Math.toIntExact(pendingDraft.getShape().get(1));
        try (NDScope ignored = new NDScope()) {
            // Draft: g proposals, keeping each proposal's distribution when verifying by rejection sampling.
            NDList proposals = new NDList(g);
            NDList draftProbs = new NDList(g);
            NDArray input = pendingDraft;
            for (int j = 0; j < g; j++) {
                NDArray logits = draft.forward(input, draftCache, false);
                NDArray d;
                if (temperature > 0) {
                    NDArray q = logits.div(temperature).softmax(1);
                    draftProbs.add(q);
                    d = TokenChooser.sampleRows(q).reshape(rows, 1);
                } else {
                    d = logits.argMax(1).reshape(rows, 1);
                }
                proposals.add(d);
                input = d;
            }
            NDArray drafts = NDArrays.concat(proposals, 1); // [rows, g]
            // Target: last token plus all proposals in one pass.
            NDArray verifyLogits = target.forward(lastTarget.concat(drafts, 1), targetCache, true); // [rows, g+1, V]

            int a;
            NDArray next;
            if (acceptanceRate != null) {
                a = simulatedPrefix(draws, acceptanceRate, g);
                next = chooser.choose(position(verifyLogits, a)).reshape(rows, 1);
            } else if (temperature == 0) {
                NDArray targetTokens = verifyLogits.argMax(2); // [rows, g+1]
                boolean[] match = targetTokens.get(NDIndex.sliceAxis(1, 0, g)).eq(drafts).toBooleanArray();
                a = sharedPrefix(match, rows, g);
                next = targetTokens.get(NDIndex.sliceAxis(1, a, a + 1));
            } else {
                NDArray p = verifyLogits.div(temperature).softmax(2);                 // [rows, g+1, V]
                NDArray q = NDArrays.stack(draftProbs, 1);                              // [rows, g, V]
                NDArray index = drafts.expandDims(2);
                NDArray pAt = p.get(NDIndex.sliceAxis(1, 0, g)).gather(index, 2).reshape(rows, g);
                NDArray qAt = q.gather(index, 2).reshape(rows, g);
                NDArray u = pAt.getManager().randomUniform(0f, 1f, new Shape(rows, g), DataType.FLOAT32);
                // Accept with probability min(1, p/q), i.e. when u * q < p.
                boolean[] ok = u.mul(qAt).lt(pAt).toBooleanArray();
                int[] perRow = prefixes(ok, rows, g);
                a = g;
                for (int x : perRow) a = Math.min(a, x);
                if (a == g) {
                    next = TokenChooser.sampleRows(position(p, g)).reshape(rows, 1);
                } else {
                    // Rows that rejected at position a resample from max(0, p - q); rows that accepted keep the draft.
                    NDArray residual = position(p, a).sub(position(q, a)).maximum(0f);
                    NDArray resampled = TokenChooser.sampleRows(residual).reshape(rows, 1);
                    boolean[] keepDraft = new boolean[rows];
                    for (int i = 0; i < rows; i++) keepDraft[i] = perRow[i] > a;
                    NDArray keep = drafts.getManager().create(keepDraft).reshape(rows, 1);
                    next = NDArrays.where(keep, drafts.get(NDIndex.sliceAxis(1, a, a + 1)), resampled);
                }
            }
            NDArray emitted = a == 0 ? next : drafts.get(NDIndex.sliceAxis(1, 0, a)).concat(next, 1);
            // Roll back: the target keeps lastTarget and the a accepted proposals.
            targetCache.truncate(targetBefore + 1 + a);
            NDArray nextDraft;
            if (a < g) {
                draftCache.truncate(draftBefore + pending + a);
                nextDraft = next;
            } else {
                // The draft never fed its last proposal: it goes first in the next round.
                nextDraft = drafts.get(NDIndex.sliceAxis(1, g - 1, g)).concat(next, 1);
            }
            NDScope.unregister(emitted, next, nextDraft);
            return new Round(emitted, a, next, nextDraft);
        }
    }

    /**
     * @return how many of {@code g} proposals a draft keeps when each is accepted independently with probability
     * {@code rate} and the first rejection ends the round
     */
    static int simulatedPrefix(SplittableRandom draws, double rate, int g) {
        int a = 0;
        while (a < g && draws.nextDouble() < rate) a++;
        return a;
    }

    /** @return {@code x[:, i, :]} as {@code [rows, V]} */
    private static NDArray position(NDArray x, int i) {
        Shape s = x.getShape();
        return x.get(NDIndex.sliceAxis(1, i, i + 1)).reshape(s.get(0), s.get(2));
    }

    /** @return the shortest run of leading trues over all rows of a {@code [rows, g]} row-major mask */
    static int sharedPrefix(boolean[] mask, int rows, int g) {
        int a = g;
        for (int x : prefixes(mask, rows, g)) a = Math.min(a, x);
        return a;
    }

    private static int[] prefixes(boolean[] mask, int rows, int g) {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int n = 0;
            while (n < g && mask[r * g + n]) n++;
            out[r] = n;
        }
        return out;
    }
}
