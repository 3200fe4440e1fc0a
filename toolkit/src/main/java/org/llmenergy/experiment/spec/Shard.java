package org.llmenergy.experiment.spec;

/**
 * One part of a sweep split for a Slurm job array: shard {@code index} of {@code count} runs the cells whose
 * position in the spec's cell order is congruent to {@code index} modulo {@code count}. Every cell belongs to
 * exactly one shard, whatever the count.
 *
 * @param index 0-based shard, {@code 0 <= index < count} (Slurm's {@code SLURM_ARRAY_TASK_ID} with
 *              {@code --array=0-(n-1)})
 * @param count number of shards
 */
public record Shard(int index, int count) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count <= 0 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /**
     * @param text {@code i/n}, for example {@code 2/8}
     * @return the shard
     * @throws IllegalArgumentException for anything else
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("shard must be i/n (for example 0/4), got '" + text + "'");
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be i/n with integers i and n, got '" + text + "'");
        }
    }

    /** @return true when the cell at {@code cellIndex} belongs to this shard */
    public boolean contains(int cellIndex) { return cellIndex % count == index; }

    @Override
    public String toString() { return index + "/" + count; }
}
