package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.EnvironmentInfo;
import org.llmenergy.experiment.results.GpuInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Captures an {@link EnvironmentInfo} from the running system: {@code /proc} for host, CPU, memory and the
 * NVIDIA driver's GPU list (no NVML needed), the classpath for DJL and PyTorch versions, and
 * {@code git rev-parse HEAD} in the toolkit's repository for its commit.
 */
public final class EnvironmentCapture {
    private static final Pattern DRIVER = Pattern.compile("Kernel Module\\s+(?:for\\s+\\S+\\s+)?([0-9][0-9.]*)");

    private final Path proc;
    private final Path repoRoot;

    /**
     * @param proc     the {@code /proc} tree (a fake one in tests)
     * @param repoRoot the toolkit's repository, or null when unknown
     */
    public EnvironmentCapture(Path proc, Path repoRoot) {
        this.proc = proc;
        this.repoRoot = repoRoot;
    }

    /**
     * @return a capture of this machine; the repository is {@code -Dllmenergy.repo.root} (the launcher and the
     *         tests set it), else {@code $LLM_ENERGY_HOME}, else unknown
     */
    public static EnvironmentCapture ofThisMachine() {
        String root = System.getProperty("llmenergy.repo.root", System.getenv("LLM_ENERGY_HOME"));
        return new EnvironmentCapture(Path.of("/proc"), root == null ? null : Path.of(root));
    }

    /**
     * @param executorInfo what the executor says about itself
     * @return the environment
     */
    public EnvironmentInfo capture(Map<String, String> executorInfo) {
        List<GpuInfo> gpus = new ArrayList<>();
        String gpuNote = readGpus(gpus);
        String driver = driverVersion();
        if (driver == null && gpuNote == null) gpuNote = "NVIDIA driver version not found in " + proc.resolve("driver/nvidia/version");
        String[] engine = engineVersion(executorInfo);
        String[] commit = commit();
        return new EnvironmentInfo(host(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                gpus, driver, gpuNote, System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version"), djlVersion(), engine[0], engine[1], executorInfo,
                commit[0], commit[1] == null ? null : Boolean.valueOf(commit[1]), commit[2]);
    }

    private String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        String fromProc = firstLine(proc.resolve("sys/kernel/hostname"));
        if (fromProc != null) return fromProc;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    private String cpuModel() {
        for (String line : lines(proc.resolve("cpuinfo"))) {
            if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
        }
        return null;
    }

    private Long memoryBytes() {
        for (String line : lines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.substring(9).strip().split("\\s+");
                try {
                    return Long.parseLong(f[0]) * 1024L; // /proc/meminfo is in kB (KiB)
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Fills {@code gpus} from {@code /proc/driver/nvidia/gpus/<bus>/information}; returns a note when none. */
    private String readGpus(List<GpuInfo> gpus) {
        Path dir = proc.resolve("driver/nvidia/gpus");
        if (!Files.isDirectory(dir)) return "no NVIDIA driver GPU list at " + dir;
        try (Stream<Path> buses = Files.list(dir)) {
            for (Path bus : buses.sorted().toList()) {
                String name = null;
                String uuid = null;
                for (String line : lines(bus.resolve("information"))) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    String key = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    if (key.equals("Model")) name = value;
                    if (key.equals("GPU UUID")) uuid = value;
                }
                gpus.add(new GpuInfo(bus.getFileName().toString(), name, uuid));
            }
        } catch (IOException e) {
            return "cannot list " + dir + ": " + e.getMessage();
        }
        return gpus.isEmpty() ? "the NVIDIA driver lists no GPU" : null;
    }

    private String driverVersion() {
        String line = firstLine(proc.resolve("driver/nvidia/version"));
        if (line == null) return null;
        Matcher m = DRIVER.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static String djlVersion() {
        try {
            return ai.djl.engine.Engine.getDjlVersion();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** @return {version, note} */
    private static String[] engineVersion(Map<String, String> executorInfo) {
        String fromExecutor = executorInfo.get("engineVersion");
        if (fromExecutor != null) return new String[] {fromExecutor, "reported by the executor"};
        // The PyTorch native jar (CPU profile) names its libtorch build without loading it.
        try (InputStream in = EnvironmentCapture.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return new String[] {"pytorch " + p.getProperty("version") + " (" + p.getProperty("flavor") + ", "
                        + p.getProperty("classifier") + ")", "from the pytorch-native jar on the classpath, not loaded"};
            }
        } catch (IOException e) {
            return new String[] {null, "cannot read native/lib/pytorch.properties: " + e.getMessage()};
        }
        return new String[] {null, "the executor did not report an engine version and no pytorch-native jar is on the classpath"};
    }

    /** @return {commit, dirty ("true"/"false"/null), note} */
    private String[] commit() {
        try (InputStream in = EnvironmentCapture.class.getResourceAsStream("/org/llmenergy/build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String c = p.getProperty("git.commit");
                if (c != null && !c.isBlank() && !c.startsWith("${")) {
                    return new String[] {c, null, "from build.properties written at build time"};
                }
            }
        } catch (IOException e) {
            // fall through to git
        }
        if (repoRoot == null) {
            return new String[] {null, null, "repository root unknown (set -Dllmenergy.repo.root or LLM_ENERGY_HOME)"};
        }
        String head = git("rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return new String[] {null, null, "git rev-parse HEAD failed in " + repoRoot};
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return new String[] {head, status == null ? null : Boolean.toString(!status.isEmpty()),
                "git rev-parse HEAD in " + repoRoot};
    }

    private String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repoRoot.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String firstLine(Path file) {
        List<String> l = lines(file);
        return l.isEmpty() || l.get(0).isBlank() ? null : l.get(0).strip();
    }
}
