package org.llmenergy.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/**
 * Loads Hugging Face Llama, Qwen2 and OLMo weights ({@code model.layers.N.self_attn.q_proj.weight} and so on)
 * from a safetensors checkpoint, checks every shape against the config, converts to the target precision,
 * moves them to the device and fuses Q/K/V and gate/up. Each tensor passes through a short-lived CPU staging
 * manager, so at most one layer's raw tensors are held besides the finished weights.
 */
final class CheckpointWeightLoader {
    private final SafetensorsCheckpoint checkpoint;
    private final ModelConfig config;
    private final DataType type;
    private final Device device;
    private final NDManager owner;

    private CheckpointWeightLoader(SafetensorsCheckpoint checkpoint, ModelConfig config, DataType type, NDManager owner) {
        this.checkpoint = checkpoint;
        this.config = config;
        this.type = type;
        this.device = owner.getDevice();
        this.owner = owner;
    }

    /**
     * @param checkpoint an open checkpoint
     * @param config     the architecture its config.json describes
     * @param type       target element type
     * @param owner      manager on the target device that will own the weights
     * @return the weights
     * @throws CheckpointFormatException naming the file and tensor when a tensor is missing or misshapen
     */
    static TransformerWeights load(SafetensorsCheckpoint checkpoint, ModelConfig config, DataType type, NDManager owner) {
        return new CheckpointWeightLoader(checkpoint, config, type, owner).load();
    }

    private TransformerWeights load() {
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long kv = config.kvDim();
        long inter = config.intermediateSize();
        long vocab = config.vocabSize();
        boolean norms = config.family() != Family.OLMO;
        NDArray embedding = single("model.embed_tokens.weight", vocab, d);
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < config.numLayers(); i++) {
            String p = "model.layers." + i + ".";
            String a = p + "self_attn.";
            NDArray qkv = fused(new String[] {a + "q_proj.weight", a + "k_proj.weight", a + "v_proj.weight"},
                    new long[][] {{q, d}, {kv, d}, {kv, d}});
            NDArray qkvBias = config.qkvBias()
                    ? fused(new String[] {a + "q_proj.bias", a + "k_proj.bias", a + "v_proj.bias"},
                            new long[][] {{q}, {kv}, {kv}})
                    : null;
            layers.add(new LayerWeights(
                    norms ? single(p + "input_layernorm.weight", d) : null,
                    qkv, qkvBias,
                    single(a + "o_proj.weight", d, q),
                    norms ? single(p + "post_attention_layernorm.weight", d) : null,
                    fused(new String[] {p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight"},
                            new long[][] {{inter, d}, {inter, d}}),
                    single(p + "mlp.down_proj.weight", d, inter)));
        }
        NDArray finalNorm = norms ? single("model.norm.weight", d) : null;
        NDArray head = config.tieEmbeddings() ? embedding : single("lm_head.weight", vocab, d);
        return new TransformerWeights(config, embedding, layers, finalNorm, head, owner,
                "checkpoint " + checkpoint.directory());
    }

    private NDArray single(String name, long... shape) {
        checkShape(name, shape);
        try (NDManager staging = NDManager.newBaseManager(Device.cpu())) {
            NDArray raw = checkpoint.load(name, staging);
            requireFinite(name, raw);
            NDArray out = place(raw);
            out.attach(owner);
            return out;
        }
    }

    private NDArray fused(String[] names, long[][] shapes) {
        for (int i = 0; i < names.length; i++) checkShape(names[i], shapes[i]);
        try (NDManager staging = NDManager.newBaseManager(Device.cpu())) {
            NDList parts = new NDList();
            for (String name : names) {
                NDArray raw = checkpoint.load(name, staging);
                requireFinite(name, raw);
                parts.add(place(raw));
            }
            NDArray out = NDArrays.concat(parts, 0);
            out.attach(owner);
            return out;
        }
    }

    /**
     * Converts on the CPU first (halving a GPU transfer for fp16) and always leaves a copy in memory libtorch owns:
     * the raw array may be a view of the memory-mapped file, which is unmapped once its buffer is collected.
     * ({@code toType} with an unchanged type returns an alias in libtorch, not a copy, hence {@code duplicate}.)
     */
    private NDArray place(NDArray raw) {
        if (device.isGpu()) {
            NDArray typed = raw.getDataType() == type ? raw : raw.toType(type, false);
            return typed.toDevice(device, true);
        }
        return raw.getDataType() == type ? raw.duplicate() : raw.toType(type, false);
    }

    /** NaN or infinite weights poison every logit: the run would time garbage, so the checkpoint is refused. */
    private void requireFinite(String name, NDArray raw) {
        if (!raw.getDataType().isFloating()) return;
        long nan = raw.isNaN().countNonzero().getLong();
        long inf = raw.isInfinite().countNonzero().getLong();
        if (nan > 0 || inf > 0) {
            throw new CheckpointFormatException(checkpoint.fileOf(name) + ": tensor '" + name + "' holds " + nan
                    + " NaN and " + inf + " infinite values; the checkpoint is corrupt (download it again)");
        }
    }

    private void checkShape(String name, long[] expected) {
        SafetensorsTensor t = checkpoint.info(name);
        if (t == null) {
            throw new CheckpointFormatException(checkpoint.directory() + ": checkpoint has no tensor '" + name
                    + "', which a " + config.family() + " model with this config.json needs");
        }
        if (!Arrays.equals(t.shape(), expected)) {
            throw new CheckpointFormatException(checkpoint.fileOf(name) + ": tensor '" + name + "' has shape "
                    + Arrays.toString(t.shape()) + ", but config.json implies " + Arrays.toString(expected));
        }
    }
}
