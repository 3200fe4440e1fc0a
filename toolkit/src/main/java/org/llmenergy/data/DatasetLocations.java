package org.llmenergy.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where datasets are looked for: the mirror folder, the local cache, and whether downloading is allowed.
 *
 * <p>From the environment ({@link #fromEnvironment()}):
 * <ul>
 *   <li>mirror: env {@code LLM_ENERGY_DATASETS_MIRROR}, else system property
 *       {@code llmenergy.datasets.mirror}; laid out {@code <id>/<upstream path>}. A relative path is taken
 *       from the working directory, or, when no such folder exists there, from the repository root
 *       ({@code -Dllmenergy.repo.root}), so CI's {@code ../shared/datasets} works from any module;</li>
 *   <li>cache: system property {@code llmenergy.cache}, else env {@code LLM_ENERGY_CACHE}, else
 *       {@code <repo root>/.cache/datasets} when {@code -Dllmenergy.repo.root} is set, else
 *       {@code ~/.cache/llm-energy/datasets};</li>
 *   <li>downloads: allowed unless env {@code LLM_ENERGY_OFFLINE=1} or {@code -Dllmenergy.offline=true}.</li>
 * </ul>
 *
 * @param mirror           the mirror folder, or null when none is configured
 * @param cache            the cache folder (created on first download)
 * @param downloadsAllowed false to never touch the network
 */
public record DatasetLocations(Path mirror, Path cache, boolean downloadsAllowed) {

    public DatasetLocations {
        if (cache == null) throw new IllegalArgumentException("cache folder must be set");
    }

    /** @return the locations configured by environment variables and system properties */
    public static DatasetLocations fromEnvironment() {
        return from(System.getenv(), System.getProperties(), Path.of("").toAbsolutePath());
    }

    /** The same rules as {@link #fromEnvironment()}, on given maps (for tests). */
    static DatasetLocations from(Map<String, String> env, Properties props, Path workingDir) {
        String repoRoot = blankToNull(props.getProperty("llmenergy.repo.root"));
        String mirrorSetting = blankToNull(env.get("LLM_ENERGY_DATASETS_MIRROR"));
        if (mirrorSetting == null) mirrorSetting = blankToNull(props.getProperty("llmenergy.datasets.mirror"));
        Path mirror = null;
        if (mirrorSetting != null) {
            mirror = Path.of(mirrorSetting);
            if (!mirror.isAbsolute()) {
                Path fromCwd = workingDir.resolve(mirror).normalize();
                Path fromRoot = repoRoot == null ? null : Path.of(repoRoot).resolve(mirror).normalize();
                mirror = (!Files.isDirectory(fromCwd) && fromRoot != null && Files.isDirectory(fromRoot))
                        ? fromRoot : fromCwd;
            } else {
                mirror = mirror.normalize();
            }
        }
        String cacheSetting = blankToNull(props.getProperty("llmenergy.cache"));
        if (cacheSetting == null) cacheSetting = blankToNull(env.get("LLM_ENERGY_CACHE"));
        Path cache;
        if (cacheSetting != null) cache = workingDir.resolve(cacheSetting).normalize();
        else if (repoRoot != null) cache = Path.of(repoRoot).resolve(".cache/datasets").normalize();
        else cache = Path.of(System.getProperty("user.home"), ".cache", "llm-energy", "datasets");
        boolean offline = "1".equals(env.get("LLM_ENERGY_OFFLINE")) || "true".equalsIgnoreCase(env.get("LLM_ENERGY_OFFLINE"))
                || Boolean.parseBoolean(props.getProperty("llmenergy.offline"));
        return new DatasetLocations(mirror, cache, !offline);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** @return the mirror folder, when one is configured */
    public Optional<Path> mirrorDir() { return Optional.ofNullable(mirror); }

    /** @return where {@code file} of dataset {@code id} sits in the mirror, when one is configured */
    public Optional<Path> inMirror(String id, DatasetFile file) {
        return mirrorDir().map(m -> m.resolve(id).resolve(file.path()));
    }

    /** @return where {@code file} of dataset {@code id} sits (or will sit) in the cache */
    public Path inCache(String id, DatasetFile file) { return cache.resolve(id).resolve(file.path()); }
}
