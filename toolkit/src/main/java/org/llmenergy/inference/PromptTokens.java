package org.llmenergy.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.List;
import java.util.SplittableRandom;

/** Builds a run's prompt token ids, row-major {@code [batch * input]}. */
final class PromptTokens {
    private PromptTokens() {}

    /**
     * @return ids drawn uniformly from {@code [0, vocab)} by a generator seeded with {@code seed}
     */
    static long[] random(int batch, int input, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ids = new long[Math.multiplyExact(batch, input)];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt(vocab);
        return ids;
    }

    /**
     * Tokenizes each text and keeps its first {@code input} tokens.
     *
     * @param tokenizer the checkpoint's tokenizer
     * @param texts     one text for every row, or one per row
     * @return the ids
     * @throws IllegalArgumentException naming the text when it is too short or an id is outside the vocabulary
     */
    static long[] fromTexts(HuggingFaceTokenizer tokenizer, List<String> texts, int batch, int input, int vocab) {
        if (texts.size() != 1 && texts.size() != batch) {
            throw new IllegalArgumentException("give one prompt text or one per sequence (" + batch + "), got " + texts.size());
        }
        long[] ids = new long[Math.multiplyExact(batch, input)];
        for (int row = 0; row < batch; row++) {
            int which = texts.size() == 1 ? 0 : row;
            Encoding enc = tokenizer.encode(texts.get(which));
            long[] t = enc.getIds();
            if (t.length < input) {
                throw new IllegalArgumentException("prompt text " + which + " has " + t.length
                        + " tokens, fewer than the requested input of " + input);
            }
            for (int i = 0; i < input; i++) {
                if (t[i] < 0 || t[i] >= vocab) {
                    throw new IllegalArgumentException("prompt text " + which + ": token id " + t[i]
                            + " is outside the model's vocabulary of " + vocab);
                }
                ids[row * input + i] = t[i];
            }
        }
        return ids;
    }

    /**
     * @return the given ids, checked against the run's shape and the vocabulary
     * @throws IllegalArgumentException naming the row and column of a bad id or a shape mismatch
     */
    static long[] fromIds(int[][] given, int batch, int input, int vocab) {
        if (given.length != batch || given[0].length != input) {
            throw new IllegalArgumentException("token-id prompt is " + given.length + " x " + given[0].length
                    + " but the run is batch " + batch + " x input " + input);
        }
        long[] ids = new long[Math.multiplyExact(batch, input)];
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < input; c++) {
                int id = given[r][c];
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("token-id prompt row " + r + ", column " + c + ": id " + id
                            + " is outside the vocabulary of " + vocab);
                }
                ids[r * input + c] = id;
            }
        }
        return ids;
    }
}
