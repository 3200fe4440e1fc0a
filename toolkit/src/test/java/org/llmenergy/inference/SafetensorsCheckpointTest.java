package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded checkpoints and checkpoints that do not fit their config. */
class SafetensorsCheckpointTest {
    @TempDir
    Path tmp;

    private Path copyOf(String fixture) throws IOException {
        Path src = GoldenFixture.load(fixture).dir();
        Path dst = tmp.resolve(fixture);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, dst.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return dst;
    }

    @Test
    void opensAShardedCheckpointThroughItsIndex() {
        try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(GoldenFixture.load("tiny-llama").dir())) {
            assertEquals(21, c.names().size());
            assertTrue(c.fileOf("lm_head.weight").getFileName().toString().startsWith("model-0000"));
        }
    }

    @Test
    void refusesAnIndexThatEscapesTheDirectoryOrLies() throws IOException {
        Path d = copyOf("tiny-llama");
        Path index = d.resolve(SafetensorsCheckpoint.INDEX);
        String text = Files.readString(index);
        Files.writeString(index, text.replace("\"lm_head.weight\": \"model-00003-of-00003.safetensors\"",
                "\"lm_head.weight\": \"../model-00003-of-00003.safetensors\""));
        var escape = assertThrows(CheckpointFormatException.class, () -> SafetensorsCheckpoint.open(d));
        assertTrue(escape.getMessage().contains("outside the checkpoint directory"), escape.getMessage());
        Files.writeString(index, text.replace("\"lm_head.weight\": \"model-00003-of-00003.safetensors\"",
                "\"lm_head.weight\": \"model-00001-of-00003.safetensors\""));
        var lie = assertThrows(CheckpointFormatException.class, () -> SafetensorsCheckpoint.open(d));
        assertTrue(lie.getMessage().contains("'lm_head.weight'") && lie.getMessage().contains("does not contain it"),
                lie.getMessage());
    }

    @Test
    void refusesWeightsThatDoNotMatchConfigJson() throws IOException {
        Path d = copyOf("tiny-qwen2");
        Path config = d.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"intermediate_size\": 64", "\"intermediate_size\": 65"));
        var e = assertThrows(CheckpointFormatException.class,
                () -> InferenceEngine.load(ModelSource.Checkpoint.of(d), EngineOptions.cpu()).close());
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("mlp.gate_proj.weight")
                && e.getMessage().contains("[64, 32]") && e.getMessage().contains("[65, 32]"), e.getMessage());
    }

    @Test
    void saysWhichTensorIsMissing() throws IOException {
        Path d = copyOf("tiny-qwen2");
        Path config = d.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"tie_word_embeddings\": true", "\"tie_word_embeddings\": false"));
        var e = assertThrows(CheckpointFormatException.class,
                () -> InferenceEngine.load(ModelSource.Checkpoint.of(d), EngineOptions.cpu()).close());
        assertTrue(e.getMessage().contains("no tensor 'lm_head.weight'"), e.getMessage());
        Files.delete(d.resolve("model.safetensors"));
        var none = assertThrows(CheckpointFormatException.class, () -> SafetensorsCheckpoint.open(d));
        assertTrue(none.getMessage().contains("no model.safetensors"), none.getMessage());
    }

    @Test
    void refusesNanWeightsNamingTheTensor() throws IOException {
        Path d = copyOf("tiny-qwen2");
        Path file = d.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long headerLength = b.getLong(0);
        var header = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new String(bytes, 8, (int) headerLength, java.nio.charset.StandardCharsets.UTF_8));
        String name = "model.layers.0.mlp.down_proj.weight";
        assertEquals("F32", header.get(name).get("dtype").asText());
        int at = (int) (8 + headerLength + header.get(name).get("data_offsets").get(0).asLong());
        b.putFloat(at + 12, Float.NaN);
        Files.write(file, bytes);
        // before the fix the NaN loaded, and every logit of the run was NaN
        var e = assertThrows(CheckpointFormatException.class,
                () -> InferenceEngine.load(ModelSource.Checkpoint.of(d), EngineOptions.cpu()).close());
        assertTrue(e.getMessage().contains("model.safetensors: tensor '" + name + "' holds 1 NaN and 0 infinite values"),
                e.getMessage());
    }

    @Test
    void aFolderWithOnlyPytorchWeightsIsRefusedUnlessRandomWeightsAreAsked() throws IOException {
        Path d = copyOf("tiny-qwen2");
        Files.delete(d.resolve("model.safetensors"));
        Files.write(d.resolve("pytorch_model.bin"), new byte[] {1, 2, 3});
        // before the fix this ran random weights without a word
        var e = assertThrows(IllegalArgumentException.class, () -> ModelSource.parse(d.toString(), 0));
        assertTrue(e.getMessage().contains("[pytorch_model.bin] but no .safetensors") && e.getMessage().contains("--random-weights"),
                e.getMessage());
        assertTrue(ModelSource.parse(d.toString(), 0, true) instanceof ModelSource.RandomWeights);
        Files.delete(d.resolve("pytorch_model.bin"));
        assertTrue(ModelSource.parse(d.toString(), 0) instanceof ModelSource.RandomWeights, "a config alone stays an architecture");
    }
}
