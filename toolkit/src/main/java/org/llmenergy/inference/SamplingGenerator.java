package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

/** Greedy, temperature and top-p decoding: one forward pass and one chosen token per row per step. */
final class SamplingGenerator implements Generator {
    private final TokenChooser chooser;

    SamplingGenerator(TokenChooser chooser) {
        this.chooser = chooser;
    }

    @Override
    public Generation generate(RunContext ctx) {
        RunSpec spec = ctx.spec();
        Transformer model = ctx.target();
        int rows = spec.batch();
        try (KvCache cache = KvCache.allocate(ctx.manager(), model.config(), rows, ctx.capacity(0), model.type())) {
            NDList out = new NDList(spec.outputTokens());
            ctx.clock().start(Phase.PREFILL);
            NDArray next;
            try (NDScope ignored = new NDScope()) {
                next = chooser.choose(model.forward(ctx.prompt(), cache, false)).reshape(rows, 1);
                NDScope.unregister(next);
            }
            out.add(next);
            double prefill = ctx.clock().end(Phase.PREFILL);
            ctx.clock().start(Phase.DECODE);
            for (int step = 1; step < spec.outputTokens(); step++) {
                try (NDScope ignored = new NDScope()) {
                    next = chooser.choose(model.forward(next, cache, false)).reshape(rows, 1);
                    NDScope.unregister(next);
                }
                out.add(next);
            }
            double decode = ctx.clock().end(Phase.DECODE);
            NDArray tokens = out.size() == 1 ? out.get(0) : NDArrays.concat(out, 1);
            return new Generation(prefill, decode, tokens, null);
        }
    }
}
