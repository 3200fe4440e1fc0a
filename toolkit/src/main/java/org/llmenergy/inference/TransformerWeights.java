package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.llmenergy.model.ModelConfig;

/**
 * All weights of a decoder-only transformer, owned by one manager on the model's device.
 *
 * @param config     the architecture
 * @param embedding  token embedding {@code [V, d]}
 * @param layers     decoder layers
 * @param finalNorm  final RMSNorm scale {@code [d]}, or null for OLMo
 * @param lmHead     output projection {@code [V, d]}; the embedding itself when tied
 * @param manager    the manager that owns every array above
 * @param provenance where the values come from (random seed or checkpoint path)
 */
record TransformerWeights(ModelConfig config, NDArray embedding, List<LayerWeights> layers, NDArray finalNorm,
                          NDArray lmHead, NDManager manager, String provenance) implements AutoCloseable {

    TransformerWeights {
        layers = List.copyOf(layers);
    }

    @Override
    public void close() {
        manager.close();
    }
}
