package org.llmenergy.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** A golden fixture written by src/test/python/make_golden.py: a tiny HF checkpoint plus what transformers computed. */
record GoldenFixture(Path dir, JsonNode json) {

    static GoldenFixture load(String name) {
        try {
            Path dir = Path.of(GoldenFixture.class.getResource("/golden/" + name).toURI());
            return new GoldenFixture(dir, new ObjectMapper().readTree(dir.resolve("golden.json").toFile()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot load golden fixture " + name, e);
        }
    }

    ModelSource.Checkpoint source() { return ModelSource.Checkpoint.of(dir); }

    int[][] ints(String field) {
        JsonNode n = json.get(field);
        int[][] out = new int[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = new int[n.get(i).size()];
            for (int j = 0; j < out[i].length; j++) out[i][j] = n.get(i).get(j).intValue();
        }
        return out;
    }

    long[][] inputIds() {
        int[][] a = ints("input_ids");
        long[][] out = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new long[a[i].length];
            for (int j = 0; j < a[i].length; j++) out[i][j] = a[i][j];
        }
        return out;
    }

    /** @return the reference logits flattened row-major [batch][seq][vocab] */
    float[] logits() {
        JsonNode l = json.get("logits");
        int b = l.size(), t = l.get(0).size(), v = l.get(0).get(0).size();
        float[] out = new float[b * t * v];
        int k = 0;
        for (JsonNode row : l) for (JsonNode pos : row) for (JsonNode x : pos) out[k++] = (float) x.doubleValue();
        return out;
    }
}
