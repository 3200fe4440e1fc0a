package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Chooses the next token of every row from fp32 logits, as NDArray operations on the device (nothing is read
 * back to the host, so a GPU never waits for the host between steps). Sampling uses inverse-CDF draws from
 * libtorch's generator, which the engine seeds with the run's seed.
 */
abstract class TokenChooser {

    /**
     * @param logits fp32 {@code [rows, V]}
     * @return int64 {@code [rows]}
     */
    abstract NDArray choose(NDArray logits);

    /** @return the argmax chooser */
    static TokenChooser greedy() { return new Greedy(); }

    /** @return the chooser for a decoding strategy that picks one token per row */
    static TokenChooser of(Decoding d) {
        if (d instanceof Decoding.Greedy) return new Greedy();
        if (d instanceof Decoding.Temperature t) return new Sampling(t.temperature(), 1.0);
        if (d instanceof Decoding.TopP p) return new Sampling(p.temperature(), p.p());
        throw new IllegalArgumentException(d.label() + " does not choose tokens one row at a time");
    }

    /**
     * Draws one index per row from unnormalised non-negative weights: counts how many cumulative sums lie below
     * a uniform draw scaled by the row total.
     *
     * @param weights fp32 {@code [rows, V]}, each row with a positive sum
     * @return int64 {@code [rows]}
     */
    static NDArray sampleRows(NDArray weights) {
        Shape s = weights.getShape();
        NDArray cdf = weights.cumSum(1);
        NDArray total = cdf.get(":, -1:");
        NDArray u = weights.getManager().randomUniform(0f, 1f, new Shape(s.get(0), 1), DataType.FLOAT32);
        NDArray index = cdf.lt(u.mul(total)).sum(new int[] {1});
        return index.minimum(s.get(1) - 1);
    }

    private static final class Greedy extends TokenChooser {
        @Override
        NDArray choose(NDArray logits) { return logits.argMax(1); }
    }

    /** Temperature sampling, restricted to the top-p nucleus when {@code p < 1}. */
    private static final class Sampling extends TokenChooser {
        private final float temperature;
        private final double p;

        Sampling(double temperature, double p) {
            this.temperature = (float) temperature;
            this.p = p;
        }

        @Override
        NDArray choose(NDArray logits) {
            NDArray probs = logits.div(temperature).softmax(1);
            if (p >= 1.0) return sampleRows(probs);
            // Sort descending, keep tokens whose preceding mass is below p (the first always stays).
            NDArray order = probs.argSort(1, false);
            NDArray sorted = probs.gather(order, 1);
            NDArray before = sorted.cumSum(1).sub(sorted);
            NDArray kept = sorted.mul(before.lt((float) p).toType(DataType.FLOAT32, false));
            NDArray pick = sampleRows(kept).reshape(-1, 1);
            return order.gather(pick, 1).reshape(-1);
        }
    }
}
