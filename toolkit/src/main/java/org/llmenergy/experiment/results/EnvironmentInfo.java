package org.llmenergy.experiment.results;

import java.util.List;
import java.util.Map;

/**
 * Where a measurement was taken: host, processors, software versions and the toolkit's own commit. A field
 * that could not be found is null and its {@code …Note} says why.
 *
 * @param host              host name
 * @param os                operating system name, version and architecture
 * @param cpuModel          CPU model name, or null
 * @param logicalCpus       logical CPUs the JVM sees
 * @param memoryBytes       host memory, bytes, or null
 * @param gpus              NVIDIA GPUs the driver lists (empty when none or unknown; see {@code gpuNote})
 * @param gpuDriver         NVIDIA kernel driver version, or null
 * @param gpuNote           why the GPU list or driver is empty, or null
 * @param jvm               JVM vendor, name and version
 * @param djlVersion        the DJL version on the classpath, or null
 * @param engineVersion     the deep-learning engine version (from the executor, or the PyTorch native jar), or null
 * @param engineVersionNote why {@code engineVersion} is null, or where it came from
 * @param executor          what the executor reported about itself ({@link org.llmenergy.experiment.protocol.CellExecutor#describe()})
 * @param toolkitCommit     the toolkit's git commit, or null
 * @param toolkitDirty      true when the work tree had uncommitted changes to tracked files, or null
 * @param toolkitCommitNote why the commit is null, or where it came from
 */
public record EnvironmentInfo(String host, String os, String cpuModel, int logicalCpus, Long memoryBytes,
                              List<GpuInfo> gpus, String gpuDriver, String gpuNote, String jvm, String djlVersion,
                              String engineVersion, String engineVersionNote, Map<String, String> executor,
                              String toolkitCommit, Boolean toolkitDirty, String toolkitCommitNote) {
    public EnvironmentInfo {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        executor = executor == null ? Map.of() : new java.util.TreeMap<>(executor);
    }
}
