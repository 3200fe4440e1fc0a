package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.EnvironmentInfo;
import org.llmenergy.experiment.results.GpuInfo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCaptureTest {
    @TempDir
    Path proc;

    @Test
    void readsGpusDriverCpuAndMemoryFromProc() throws Exception {
        Files.createDirectories(proc.resolve("driver/nvidia/gpus/0000:17:00.0"));
        Files.createDirectories(proc.resolve("driver/nvidia/gpus/0000:65:00.0"));
        Files.writeString(proc.resolve("driver/nvidia/gpus/0000:17:00.0/information"),
                "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   \t\t 130\nGPU UUID: \t GPU-6f1c2a3b-0000-1111-2222-333344445555\n"
                        + "Video BIOS: \t 96.00.99.00.01\nBus Location: \t 0000:17:00.0\n");
        Files.writeString(proc.resolve("driver/nvidia/gpus/0000:65:00.0/information"),
                "Model: \t\t NVIDIA RTX A6000\nGPU UUID: \t GPU-aaaa\n");
        Files.writeString(proc.resolve("driver/nvidia/version"),
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.54.15  Release Build  (dvs-builder@U16)\n"
                        + "GCC version:  gcc version 12.2.0\n");
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9654 96-Core Processor\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       131072000 kB\nMemFree: 1 kB\n");

        EnvironmentInfo env = new EnvironmentCapture(proc, null).capture(Map.of("meter", "nvml"));
        assertEquals(List.of(new GpuInfo("0000:17:00.0", "NVIDIA H100 80GB HBM3", "GPU-6f1c2a3b-0000-1111-2222-333344445555"),
                new GpuInfo("0000:65:00.0", "NVIDIA RTX A6000", "GPU-aaaa")), env.gpus());
        assertEquals("550.54.15", env.gpuDriver());
        assertNull(env.gpuNote());
        assertEquals("AMD EPYC 9654 96-Core Processor", env.cpuModel());
        assertEquals(131072000L * 1024, env.memoryBytes());
        assertEquals(Map.of("meter", "nvml"), env.executor());
        assertNull(env.toolkitCommit());
        assertTrue(env.toolkitCommitNote().startsWith("repository root unknown"), env.toolkitCommitNote());
        assertEquals("0.36.0", env.djlVersion());
        // the default (CPU) profile puts the PyTorch native jar on the test classpath; -Dgpu leaves it out
        if (getClass().getClassLoader().getResource("native/lib/pytorch.properties") != null) {
            assertEquals("pytorch 2.7.1-20250812 (cpu, linux-x86_64)", env.engineVersion());
        } else {
            assertNull(env.engineVersion());
            assertTrue(env.engineVersionNote().contains("did not report"), env.engineVersionNote());
        }
    }

    @Test
    void proprietaryDriverVersionLineParses() throws Exception {
        Files.createDirectories(proc.resolve("driver/nvidia"));
        Files.writeString(proc.resolve("driver/nvidia/version"),
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\n");
        EnvironmentInfo env = new EnvironmentCapture(proc, null).capture(Map.of());
        assertEquals("535.104.05", env.gpuDriver());
        assertTrue(env.gpus().isEmpty());
        assertTrue(env.gpuNote().startsWith("no NVIDIA driver GPU list at "), env.gpuNote());
    }

    @Test
    void noGpuNoDriverSaysWhy() {
        EnvironmentInfo env = new EnvironmentCapture(proc, null).capture(Map.of("engineVersion", "2.7.1"));
        assertTrue(env.gpus().isEmpty());
        assertNull(env.gpuDriver());
        assertNotNull(env.gpuNote());
        assertNull(env.cpuModel());
        assertEquals("2.7.1", env.engineVersion());
        assertEquals("reported by the executor", env.engineVersionNote());
    }

    @Test
    void toolkitCommitComesFromGitInTheRepository() {
        String root = System.getProperty("llmenergy.repo.root");
        assertNotNull(root, "surefire sets llmenergy.repo.root");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of(root, ".git")), "not a git checkout");
        EnvironmentInfo env = new EnvironmentCapture(proc, Path.of(root)).capture(Map.of());
        assertNotNull(env.toolkitCommit(), env.toolkitCommitNote());
        assertTrue(env.toolkitCommit().matches("[0-9a-f]{40}"), env.toolkitCommit());
        assertNotNull(env.toolkitDirty());
        EnvironmentInfo none = new EnvironmentCapture(proc, proc).capture(Map.of());
        assertNull(none.toolkitCommit());
        assertTrue(none.toolkitCommitNote().startsWith("git rev-parse HEAD failed in "), none.toolkitCommitNote());
    }
}
