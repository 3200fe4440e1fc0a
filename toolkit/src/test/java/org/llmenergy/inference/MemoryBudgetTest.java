package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;

/** The memory budget counts prefill activations and the cgroup limit (issue 10, item 2). */
class MemoryBudgetTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void cgroupV2LimitBelowMemAvailableWinsAndAncestorsCount() throws Exception {
        write("proc/meminfo", "MemTotal: 32000000 kB\nMemAvailable:   20000000 kB\n");
        write("proc/self/cgroup", "0::/slurm/job_7/step_0\n");
        write("sys/fs/cgroup/slurm/job_7/step_0/memory.max", "max\n");
        write("sys/fs/cgroup/slurm/job_7/step_0/memory.current", "1000\n");
        // Slurm's --mem=2G sits on the job, above the step
        write("sys/fs/cgroup/slurm/job_7/memory.max", "2000000000\n");
        write("sys/fs/cgroup/slurm/job_7/memory.current", "1500000000\n");
        HostMemory m = new HostMemory(root);
        assertEquals(OptionalLong.of(20000000L * 1024), m.memAvailable());
        assertEquals(OptionalLong.of(500_000_000L), m.available());
    }

    @Test
    void cgroupV1LimitAndTheUnlimitedValue() throws Exception {
        write("proc/meminfo", "MemAvailable:   4000000 kB\n");
        write("proc/self/cgroup", "9:cpu:/\n4:memory:/docker/abc\n");
        write("sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "3000000000\n");
        write("sys/fs/cgroup/memory/docker/abc/memory.usage_in_bytes", "1000000000\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/memory.usage_in_bytes", "5000000000\n");
        assertEquals(OptionalLong.of(2_000_000_000L), new HostMemory(root).available());
        // without a limit, MemAvailable alone
        write("sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "9223372036854771712\n");
        assertEquals(OptionalLong.of(4000000L * 1024), new HostMemory(root).available());
    }

    @Test
    void aContainerThatMountsItsOwnCgroupAsTheRoot() throws Exception {
        write("proc/self/cgroup", "0::/process_api/9f4c\n");
        write("sys/fs/cgroup/memory.max", "1000000\n");
        write("sys/fs/cgroup/memory.current", "400000\n");
        assertEquals(OptionalLong.of(600_000L), new HostMemory(root).available(), "no meminfo: the cgroup alone");
        assertEquals(OptionalLong.empty(), new HostMemory(root.resolve("nothing")).available());
    }

    @Test
    void prefillActivationsAreOneLayerOfOnePass() {
        // Each layer frees its intermediates and a long prompt runs in passes (issue 11), so the estimate is one
        // layer of one pass: it must not grow with the layers, and a longer prompt adds only the last pass's
        // visible score columns (its queries x the extra keys, fp32, once).
        ModelConfig small = Presets.get("small-100m");
        long pass = EngineOptions.DEFAULT_MAX_PREFILL_TOKENS;
        long at2048 = MemoryBudget.activationBytes(small, 1, 2048, 0, 4, pass);
        long at8192 = MemoryBudget.activationBytes(small, 1, 8192, 0, 4, pass);
        assertEquals(pass * small.numHeads() * (8192 - 2048) * 4, at8192 - at2048);
        // The last pass of 2,048: 1,024 queries over the 1,024 cached keys plus the causal triangle of their own.
        long layer = 25_600L * 4 * pass; // per token: norms 4 x 768, QKV 1,280, rotary 4 x 1,024, attention 4 x 768,
                                         // output + sum 2 x 768, SwiGLU 5 x 2,048 + 2 x 768, residual in 768
        long logits = 4L * 32_000 * 4;
        assertEquals(small.numHeads() * 4L * (pass * 1024 + pass * (pass + 1) / 2) + layer + logits, at2048);
        ModelConfig deeper = small.toBuilder().setNumLayers(48).build();
        assertEquals(at8192, MemoryBudget.activationBytes(deeper, 1, 8192, 0, 4, pass));
        // One prompt shorter than a pass costs less than a full pass; a batch filling the pass costs about as much.
        assertTrue(MemoryBudget.activationBytes(small, 1, 128, 0, 4, pass) < at2048);
        long batch = MemoryBudget.activationBytes(small, 8, 2048, 0, 4, pass);
        assertTrue(batch > at2048 && batch < 2 * at2048, at2048 + " vs batch 8: " + batch);
        assertThrows(ArithmeticException.class,
                () -> MemoryBudget.activationBytes(small, 1L << 40, 1L << 30, 0, 4, pass));
    }

    @Test
    void aMillionTokenPromptIsRefusedBeforeAnythingIsAllocated() {
        // before the fix, `run --input 1000000` took all 24 GB for 6 minutes: the cache alone looked affordable.
        // Chunked prefill (issue 11) keeps activations small, so it is the cache (55 GB here) that cannot fit.
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 1), EngineOptions.cpu())) {
            InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                    () -> engine.run(RunSpec.greedy(4, 1_000_000, 2, 0)));
            assertTrue(e.getMessage().contains("prefill activations of 1000000 tokens"), e.getMessage());
            assertTrue(e.neededBytes() > e.availableBytes());
        }
    }
}
