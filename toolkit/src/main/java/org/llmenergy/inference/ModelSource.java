package org.llmenergy.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.llmenergy.model.HuggingFaceConfig;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;

/** Where a model's architecture and weights come from. */
public sealed interface ModelSource permits ModelSource.RandomWeights, ModelSource.Checkpoint {

    /** @return the architecture */
    ModelConfig config();

    /** @return a short description for results, for example {@code "random(seed=0)"} or {@code "checkpoint:/m"} */
    String describe();

    /**
     * Seeded random weights (normal, std 0.02, norm scales 1) for an architecture. Energy and time depend on the
     * shapes and lengths, not on weight values, so random weights measure the same cost as a trained checkpoint;
     * the generated text is meaningless. The values come from libtorch's generator seeded with {@code seed}, so
     * they repeat on the same device type (CPU and CUDA generators differ).
     *
     * @param config the architecture
     * @param seed   the seed
     */
    record RandomWeights(ModelConfig config, long seed) implements ModelSource {
        public RandomWeights {
            Objects.requireNonNull(config, "config");
        }

        @Override
        public String describe() { return "random(seed=" + seed + ")"; }
    }

    /**
     * A Hugging Face checkpoint directory: {@code config.json}, the weights as {@code model.safetensors} or as
     * shards listed in {@code model.safetensors.index.json}, and optionally {@code tokenizer.json}.
     *
     * @param directory the checkpoint directory
     * @param config    its architecture, read from {@code config.json}
     */
    record Checkpoint(Path directory, ModelConfig config) implements ModelSource {
        public Checkpoint {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(config, "config");
        }

        /**
         * @param directory a checkpoint directory
         * @return the checkpoint, its config read
         */
        public static Checkpoint of(Path directory) {
            return new Checkpoint(directory, HuggingFaceConfig.read(directory));
        }

        @Override
        public String describe() { return "checkpoint:" + directory; }

        /** @return the tokenizer file, which may not exist */
        public Path tokenizerFile() { return directory.resolve("tokenizer.json"); }
    }

    /**
     * Resolves what a user typed after {@code --model}: a preset name (random weights), a {@code config.json}
     * file or a directory holding only a config (random weights with that shape), or a checkpoint directory
     * with safetensors weights.
     *
     * @param text a preset name or a path
     * @param seed the seed for random weights
     * @return the source
     * @throws IllegalArgumentException naming the known presets when {@code text} is neither
     */
    public static ModelSource parse(String text, long seed) { return parse(text, seed, false); }

    /**
     * @param text          a preset name or a path
     * @param seed          the seed for random weights
     * @param randomWeights true to run a directory that holds weights in another format (PyTorch pickles) with
     *                      random weights of its architecture, instead of refusing it
     * @return the source
     * @throws IllegalArgumentException naming the known presets when {@code text} is neither, or naming
     *                                  safetensors when a directory holds only other weight files
     */
    public static ModelSource parse(String text, long seed, boolean randomWeights) {
        if (Presets.names().contains(text)) return new RandomWeights(Presets.get(text), seed);
        Path p = Path.of(text);
        if (Files.isRegularFile(p)) return new RandomWeights(HuggingFaceConfig.read(p), seed);
        if (Files.isDirectory(p)) {
            if (hasSafetensors(p)) return Checkpoint.of(p);
            List<String> other = otherWeights(p);
            if (!other.isEmpty() && !randomWeights) {
                // Silently running random weights here would time a model the user did not ask for.
                throw new IllegalArgumentException(p + " holds weights as " + other + " but no .safetensors files;"
                        + " this engine loads safetensors only: convert the checkpoint to safetensors (or download the"
                        + " safetensors files), or pass --random-weights to run its architecture with random weights");
            }
            return new RandomWeights(HuggingFaceConfig.read(p), seed);
        }
        throw new IllegalArgumentException("model '" + text + "' is neither a preset " + Presets.names()
                + " nor an existing config.json or checkpoint directory");
    }

    private static List<String> otherWeights(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".ckpt")
                            || n.endsWith(".gguf"))
                    .sorted().limit(3).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasSafetensors(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
