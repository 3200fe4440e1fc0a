package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.llmenergy.io.Json;

/**
 * The weights of a Hugging Face checkpoint directory: one {@code model.safetensors}, or the shards named by
 * {@code model.safetensors.index.json} ({@code weight_map}: tensor name to shard file). Shard names must stay
 * inside the directory, and every tensor the index names must be in its shard.
 */
final class SafetensorsCheckpoint implements AutoCloseable {
    static final String SINGLE = "model.safetensors";
    static final String INDEX = "model.safetensors.index.json";

    private final Path directory;
    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private SafetensorsCheckpoint(Path directory, List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.directory = directory;
        this.files = files;
        this.byTensor = byTensor;
    }

    /**
     * Opens every safetensors file of a checkpoint and validates their headers.
     *
     * @param directory the checkpoint directory
     * @return the open checkpoint
     * @throws CheckpointFormatException when the index or a header is malformed
     */
    static SafetensorsCheckpoint open(Path directory) {
        Path index = directory.resolve(INDEX);
        Path single = directory.resolve(SINGLE);
        List<SafetensorsFile> files = new ArrayList<>();
        Map<String, SafetensorsFile> byTensor = new HashMap<>();
        try {
            if (Files.isRegularFile(index)) {
                Map<String, String> weightMap = readIndex(index, directory);
                Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : weightMap.entrySet()) {
                    SafetensorsFile f = shards.get(e.getValue());
                    if (f == null) {
                        f = SafetensorsFile.open(directory.resolve(e.getValue()));
                        shards.put(e.getValue(), f);
                        files.add(f);
                    }
                    if (!f.tensors().containsKey(e.getKey())) {
                        throw new CheckpointFormatException(index + ": tensor '" + e.getKey() + "' is mapped to "
                                + e.getValue() + ", which does not contain it");
                    }
                    byTensor.put(e.getKey(), f);
                }
            } else if (Files.isRegularFile(single)) {
                SafetensorsFile f = SafetensorsFile.open(single);
                files.add(f);
                for (String name : f.tensors().keySet()) byTensor.put(name, f);
            } else {
                throw new CheckpointFormatException(directory + ": no " + SINGLE + " and no " + INDEX
                        + " (found: " + listSafetensors(directory) + ")");
            }
        } catch (RuntimeException e) {
            files.forEach(SafetensorsFile::close);
            throw e;
        }
        return new SafetensorsCheckpoint(directory, files, byTensor);
    }

    /** @return the checkpoint directory */
    Path directory() { return directory; }

    /** @return every tensor name */
    Set<String> names() { return byTensor.keySet(); }

    /** @return the tensor's header entry, or null when absent */
    SafetensorsTensor info(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? null : f.tensors().get(name);
    }

    /** @return the file holding a tensor, or null when absent */
    Path fileOf(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? null : f.path();
    }

    /**
     * @param name    tensor name
     * @param manager CPU manager that owns the result
     * @return the tensor (see {@link SafetensorsFile#load})
     * @throws CheckpointFormatException when the checkpoint has no such tensor
     */
    NDArray load(String name, NDManager manager) {
        SafetensorsFile f = byTensor.get(name);
        if (f == null) throw new CheckpointFormatException(directory + ": checkpoint has no tensor '" + name + "'");
        return f.load(name, manager);
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    private static Map<String, String> readIndex(Path index, Path directory) {
        JsonNode root;
        try {
            root = Json.uniqueKeys().readTree(index.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new CheckpointFormatException(index + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index + ": " + e.getMessage(), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject()) throw new CheckpointFormatException(index + ": missing object 'weight_map'");
        Path base = directory.toAbsolutePath().normalize();
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new CheckpointFormatException(index + ": weight_map['" + e.getKey() + "'] must be a file name");
            }
            String file = e.getValue().textValue();
            Path resolved = base.resolve(file).normalize();
            if (!resolved.getParent().equals(base)) {
                throw new CheckpointFormatException(index + ": weight_map['" + e.getKey() + "'] = '" + file
                        + "' points outside the checkpoint directory");
            }
            if (!Files.isRegularFile(resolved)) {
                throw new CheckpointFormatException(index + ": weight_map['" + e.getKey() + "'] names missing file " + file);
            }
            out.put(e.getKey(), file);
        }
        return out;
    }

    private static List<String> listSafetensors(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
