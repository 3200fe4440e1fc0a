package org.llmenergy.inference;

import java.util.List;
import java.util.Objects;

/** Where a run's input tokens come from. */
public sealed interface Prompt permits Prompt.RandomTokens, Prompt.Text, Prompt.Ids {

    /**
     * Token ids drawn uniformly from the vocabulary by a generator seeded with the run's seed.
     */
    record RandomTokens() implements Prompt { }

    /**
     * Texts tokenized with the checkpoint's {@code tokenizer.json} and truncated to the input length (the paper
     * enforces input lengths by truncating PG19 documents the same way). One text serves every sequence of the
     * batch; otherwise give one per sequence.
     *
     * @param texts one text, or one per sequence
     */
    record Text(List<String> texts) implements Prompt {
        public Text {
            texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
            if (texts.isEmpty()) throw new IllegalArgumentException("a text prompt needs at least one text");
        }
    }

    /**
     * Given token ids, one row per sequence, each exactly as long as the run's input.
     *
     * @param ids {@code [batch][input]} token ids
     */
    record Ids(int[][] ids) implements Prompt {
        public Ids {
            Objects.requireNonNull(ids, "ids");
            if (ids.length == 0) throw new IllegalArgumentException("token-id prompt has no rows");
            ids = ids.clone();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == null || ids[i].length != ids[0].length) {
                    throw new IllegalArgumentException("token-id prompt row " + i + " differs in length from row 0");
                }
                ids[i] = ids[i].clone();
            }
        }
    }
}
