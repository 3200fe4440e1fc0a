package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * Beam search: {@code k} hypotheses per sequence, each step extended by every vocabulary token and the {@code k}
 * best (by summed log-probability) kept. The prompt is prefilled once per sequence and its KV cache copied to
 * the beams (transformers instead prefills every beam; the result is the same, the prefill cost k times lower).
 * The output is the best beam of each sequence.
 */
final class BeamSearchGenerator implements Generator {
    private final int width;

    BeamSearchGenerator(int width) {
        this.width = width;
    }

    @Override
    public Generation generate(RunContext ctx) {
        RunSpec spec = ctx.spec();
        Transformer model = ctx.target();
        int batch = spec.batch();
        int k = width;
        int rows = batch * k;
        long vocab = model.config().vocabSize();
        long[] expand = new long[rows];
        long[] beamBase = new long[batch];
        for (int r = 0; r < rows; r++) expand[r] = r / k;
        for (int b = 0; b < batch; b++) beamBase[b] = (long) b * k;
        NDArray expandRows = ctx.manager().create(expand);
        NDArray base = ctx.manager().create(beamBase).reshape(batch, 1);

        ctx.clock().start(Phase.PREFILL);
        KvCache beams;
        NDArray scores;
        NDArray history;
        try (KvCache prompt = KvCache.allocate(ctx.manager(), model.config(), batch, ctx.capacity(0), model.type());
             NDScope ignored = new NDScope()) {
            NDArray logp = model.forward(ctx.prompt(), prompt, false).logSoftmax(1);
            NDList top = logp.topK(k, 1, true, true);
            scores = top.get(0).reshape(rows, 1);
            history = top.get(1).reshape(rows, 1);
            NDScope.unregister(scores, history);
            beams = prompt.gatherRows(ctx.manager(), expandRows, model.config());
        }
        double prefill = ctx.clock().end(Phase.PREFILL);

        ctx.clock().start(Phase.DECODE);
        try (KvCache cache = beams) {
            for (int step = 1; step < spec.outputTokens(); step++) {
                NDArray newScores;
                NDArray newHistory;
                try (NDScope ignored = new NDScope()) {
                    NDArray last = history.get(NDIndex.sliceAxis(1, step - 1, step));
                    NDArray logp = model.forward(last, cache, false).logSoftmax(1).add(scores);
                    NDList top = logp.reshape(batch, k * vocab).topK(k, 1, true, true);
                    NDArray flat = top.get(1);
                    NDArray token = flat.mod(vocab);
                    NDArray beam = flat.sub(token).div(vocab).toType(DataType.INT64, false);
                    NDArray source = beam.add(base).reshape(rows);
                    cache.reorderRows(source);
                    newHistory = history.get(new NDIndex("{}", source)).concat(token.reshape(rows, 1), 1);
                    newScores = top.get(0).reshape(rows, 1);
                    NDScope.unregister(newScores, newHistory);
                }
                history.close();
                scores.close();
                history = newHistory;
                scores = newScores;
            }
            double decode = ctx.clock().end(Phase.DECODE);
            // topK returns beams sorted by score, so beam 0 of each sequence is its best.
            NDArray best = history.get(new NDIndex("{}", base.reshape(batch)));
            return new Generation(prefill, decode, best, null);
        }
    }
}
