package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/**
 * Seeded random weights: every matrix and bias normal with standard deviation 0.02 (transformers'
 * {@code initializer_range} default), norm scales 1. Values are drawn on the target device directly in the
 * target precision, in a fixed order, by libtorch's generator seeded with the given seed.
 */
final class RandomWeightInit {
    static final float STD = 0.02f;

    private RandomWeightInit() {}

    /**
     * @param config  the architecture
     * @param seed    generator seed
     * @param type    element type
     * @param manager owner of the arrays, on the target device
     * @return the weights
     */
    static TransformerWeights create(ModelConfig config, long seed, DataType type, NDManager manager) {
        JniUtils.setSeed(seed);
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long kv = config.kvDim();
        long inter = config.intermediateSize();
        boolean norms = config.family() != Family.OLMO;
        NDArray embedding = normal(manager, type, config.vocabSize(), d);
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < config.numLayers(); i++) {
            layers.add(new LayerWeights(
                    norms ? manager.ones(new Shape(d), type) : null,
                    normal(manager, type, q + 2 * kv, d),
                    config.qkvBias() ? normal(manager, type, q + 2 * kv) : null,
                    normal(manager, type, d, q),
                    norms ? manager.ones(new Shape(d), type) : null,
                    normal(manager, type, 2 * inter, d),
                    normal(manager, type, d, inter)));
        }
        NDArray finalNorm = norms ? manager.ones(new Shape(d), type) : null;
        NDArray head = config.tieEmbeddings() ? embedding : normal(manager, type, config.vocabSize(), d);
        return new TransformerWeights(config, embedding, layers, finalNorm, head, manager,
                "random normal(0, " + STD + "), seed " + seed);
    }

    private static NDArray normal(NDManager m, DataType type, long... shape) {
        return m.randomNormal(0f, STD, new Shape(shape), type);
    }
}
