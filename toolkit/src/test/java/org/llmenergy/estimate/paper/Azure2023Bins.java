package org.llmenergy.estimate.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.llmenergy.workload.BinCount;

/**
 * Test helper: the paper's ceiling bins of an Azure 2023 trace from the read-only dataset mirror, by naive
 * parsing (the workload package's reader is separate). Input bins {32, 128, ..., 8192}, output bins
 * {8, ..., 512}; longer requests are excluded, as in the paper.
 */
final class Azure2023Bins {
    static final int[] INPUT_BINS = {32, 128, 256, 512, 1024, 2048, 4096, 8192};
    static final int[] OUTPUT_BINS = {8, 16, 32, 64, 128, 256, 512};

    private Azure2023Bins() {}

    /** @return the mirror folder, if this machine has one */
    static Optional<Path> mirror() {
        String env = System.getenv("LLM_ENERGY_DATASETS_MIRROR");
        String prop = System.getProperty("llmenergy.datasets.mirror");
        String root = System.getProperty("llmenergy.repo.root", ".");
        for (String c : new String[] {env, prop, root + "/../shared/datasets"}) {
            if (c != null && Files.isDirectory(Path.of(c))) return Optional.of(Path.of(c));
        }
        return Optional.empty();
    }

    /** @return the bins of {@code <mirror>/<id>/data/<file>}, or empty when the file is not there */
    static Optional<List<BinCount>> read(String id, String file) throws IOException {
        Optional<Path> m = mirror();
        if (m.isEmpty()) return Optional.empty();
        Path f = m.get().resolve(id).resolve("data").resolve(file);
        if (!Files.isRegularFile(f)) return Optional.empty();
        TreeMap<Long, Long> counts = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",");
                int i = ceil(Integer.parseInt(c[1].trim()), INPUT_BINS);
                int o = ceil(Integer.parseInt(c[2].trim()), OUTPUT_BINS);
                if (i < 0 || o < 0) continue;
                counts.merge(((long) i << 32) | o, 1L, Long::sum);
            }
        }
        List<BinCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new BinCount((int) (k >>> 32), (int) (k & 0xffffffffL), n)));
        return Optional.of(out);
    }

    private static int ceil(int v, int[] bins) {
        for (int b : bins) if (v <= b) return b;
        return -1;
    }
}
