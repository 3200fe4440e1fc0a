package org.llmenergy.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds dataset files in the order the architecture fixes: an explicit path; the mirror
 * ({@code <mirror>/<id>/<path>}); the local cache ({@code <cache>/<id>/<path>}); a download from the
 * canonical URL into the cache. Every catalog file with a published sha256 is checked against it wherever it
 * was found; a mismatch is a {@link ChecksumMismatchException}, never a silent fall-through to the next place.
 */
public final class DatasetResolver {
    private final DatasetCatalog catalog;
    private final DatasetLocations locations;
    private final Downloader downloader;

    /**
     * @param catalog    the catalog
     * @param locations  mirror, cache and whether downloads are allowed
     * @param downloader how to download, or null to never download
     */
    public DatasetResolver(DatasetCatalog catalog, DatasetLocations locations, Downloader downloader) {
        this.catalog = catalog;
        this.locations = locations;
        this.downloader = downloader;
    }

    /** @return the catalog this resolver reads */
    public DatasetCatalog catalog() { return catalog; }

    /** @return where this resolver looks */
    public DatasetLocations locations() { return locations; }

    /**
     * Resolves a trace or a dataset's main file.
     *
     * @param idOrPath an existing file's path, or a catalog id
     * @return the file on disk (verified when the catalog has its sha256)
     * @throws DatasetException when it is neither an existing file nor a known id, or it cannot be found,
     *                          downloaded or verified
     */
    public ResolvedFile resolveMain(String idOrPath) {
        Path explicit = Path.of(idOrPath);
        if (Files.isRegularFile(explicit)) {
            return new ResolvedFile(null, null, explicit, ResolvedFile.Origin.EXPLICIT_PATH, false);
        }
        Optional<DatasetEntry> entry = catalog.find(idOrPath);
        if (entry.isEmpty()) {
            throw new DatasetException("'" + idOrPath + "' is neither an existing file nor a dataset id; known ids: "
                    + String.join(", ", catalog.ids()));
        }
        return resolve(entry.get(), entry.get().mainFile());
    }

    /** @return the path of {@link #resolveMain(String)} */
    public Path resolve(String idOrPath) { return resolveMain(idOrPath).path(); }

    /** Resolves one file of dataset {@code id}, by its catalog path. */
    public ResolvedFile resolveFile(String id, String path) {
        DatasetEntry e = catalog.entry(id);
        return resolve(e, e.file(path));
    }

    /** Resolves every file of dataset {@code id}, downloading what is missing. */
    public List<ResolvedFile> resolveAll(String id) {
        DatasetEntry e = catalog.entry(id);
        List<ResolvedFile> out = new ArrayList<>(e.files().size());
        for (DatasetFile f : e.files()) out.add(resolve(e, f));
        return out;
    }

    /**
     * The files of dataset {@code id} already on disk (mirror or cache), verified, without downloading. A
     * partial mirror (ML.ENERGY v3) yields the files it has.
     */
    public List<ResolvedFile> resolveAvailable(String id) {
        DatasetEntry e = catalog.entry(id);
        List<ResolvedFile> out = new ArrayList<>();
        for (DatasetFile f : e.files()) findLocal(e, f).ifPresent(out::add);
        return out;
    }

    /**
     * Finds {@code file} in the mirror, else the cache, verifying it; no download.
     *
     * @throws ChecksumMismatchException when the copy found does not match the catalog's sha256
     */
    public Optional<ResolvedFile> findLocal(DatasetEntry entry, DatasetFile file) {
        Optional<Path> mirrored = locations.inMirror(entry.id(), file).filter(Files::isRegularFile);
        if (mirrored.isPresent()) return Optional.of(verified(entry, file, mirrored.get(), ResolvedFile.Origin.MIRROR));
        Path cached = locations.inCache(entry.id(), file);
        if (Files.isRegularFile(cached)) return Optional.of(verified(entry, file, cached, ResolvedFile.Origin.CACHE));
        return Optional.empty();
    }

    /** Resolves {@code file} of {@code entry}: mirror, cache, then download into the cache. */
    public ResolvedFile resolve(DatasetEntry entry, DatasetFile file) {
        Optional<ResolvedFile> local = findLocal(entry, file);
        if (local.isPresent()) return local.get();
        Path target = locations.inCache(entry.id(), file);
        if (downloader == null || !locations.downloadsAllowed()) {
            throw new DatasetException(notFound(entry, file, target) + "; downloads are disabled ("
                    + (downloader == null ? "no downloader" : "LLM_ENERGY_OFFLINE / -Dllmenergy.offline") + ")");
        }
        try {
            downloader.download(entry.id() + "/" + file.path(), file.url(), target, file.sha256());
        } catch (ChecksumMismatchException e) {
            throw e;
        } catch (DatasetException e) {
            throw new DatasetException(notFound(entry, file, target) + "; " + e.getMessage(), e);
        }
        return new ResolvedFile(entry.id(), file, target, ResolvedFile.Origin.DOWNLOAD, file.hasChecksum());
    }

    private String notFound(DatasetEntry entry, DatasetFile file, Path cacheTarget) {
        String mirror = locations.inMirror(entry.id(), file)
                .map(p -> "not in the mirror (" + p + (Files.isDirectory(locations.mirror()) ? "" : ", mirror folder missing") + ")")
                .orElse("no mirror configured (LLM_ENERGY_DATASETS_MIRROR)");
        return "dataset " + entry.id() + " file " + file.path() + ": " + mirror + ", not in the cache ("
                + cacheTarget + ")";
    }

    private ResolvedFile verified(DatasetEntry entry, DatasetFile file, Path path, ResolvedFile.Origin origin) {
        if (file.hasChecksum()) {
            try {
                VerifiedFiles.check(path, file.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " to verify it: " + e.getMessage(), e);
            }
        }
        return new ResolvedFile(entry.id(), file, path, origin, file.hasChecksum());
    }

    /**
     * Checks every local copy (mirror and cache) of every file of {@code entry}, hashing each afresh.
     *
     * @return one check per copy, or one {@link FileCheck.Status#MISSING} check for a file with no copy
     */
    public List<FileCheck> check(DatasetEntry entry) {
        List<FileCheck> out = new ArrayList<>();
        for (DatasetFile f : entry.files()) {
            boolean any = false;
            Optional<Path> inMirror = locations.inMirror(entry.id(), f);
            if (inMirror.isPresent() && notAFile(inMirror.get())) {
                out.add(new FileCheck(entry.id(), f, FileCheck.Status.NOT_A_FILE, ResolvedFile.Origin.MIRROR,
                        inMirror.get(), null));
                any = true;
            }
            Optional<Path> mirrored = inMirror.filter(Files::isRegularFile);
            if (mirrored.isPresent()) {
                out.add(checkCopy(entry, f, mirrored.get(), ResolvedFile.Origin.MIRROR));
                any = true;
            }
            Path cached = locations.inCache(entry.id(), f);
            if (notAFile(cached)) {
                out.add(new FileCheck(entry.id(), f, FileCheck.Status.NOT_A_FILE, ResolvedFile.Origin.CACHE, cached, null));
                any = true;
            }
            if (Files.isRegularFile(cached)) {
                out.add(checkCopy(entry, f, cached, ResolvedFile.Origin.CACHE));
                any = true;
            }
            if (!any) out.add(new FileCheck(entry.id(), f, FileCheck.Status.MISSING, null, null, null));
        }
        return out;
    }

    /** @return true when something other than a regular file (a directory, a broken link) is at {@code p} */
    private static boolean notAFile(Path p) {
        return Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p);
    }

    /**
     * @throws DatasetException when a mirror folder is configured but does not exist: every file would read as
     *                          "missing" and a typo in the setting would pass unnoticed
     */
    public void requireMirrorFolder() {
        Path m = locations.mirror();
        if (m != null && !Files.isDirectory(m)) {
            throw new DatasetException("the dataset mirror folder " + m + " (LLM_ENERGY_DATASETS_MIRROR or"
                    + " -Dllmenergy.datasets.mirror) does not exist" + (Files.exists(m) ? " as a folder" : "")
                    + "; fix the setting, or unset it to use the cache and downloads");
        }
    }

    private static FileCheck checkCopy(DatasetEntry entry, DatasetFile f, Path p, ResolvedFile.Origin origin) {
        String actual;
        try {
            actual = Sha256.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + " to verify it: " + e.getMessage(), e);
        }
        FileCheck.Status status = !f.hasChecksum() ? FileCheck.Status.NO_CHECKSUM
                : f.sha256().equals(actual) ? FileCheck.Status.OK : FileCheck.Status.MISMATCH;
        return new FileCheck(entry.id(), f, status, origin, p, actual);
    }
}
