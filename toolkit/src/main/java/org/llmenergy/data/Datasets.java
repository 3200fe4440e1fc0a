package org.llmenergy.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry points for notebooks and the other packages: resolve dataset ids (or explicit paths) with the
 * bundled catalog and the locations configured by the environment ({@link DatasetLocations}); downloads
 * show progress on stderr.
 */
public final class Datasets {
    private Datasets() {}

    /** @return a resolver on the bundled catalog and the environment's mirror, cache and download setting */
    public static DatasetResolver resolver() {
        return new DatasetResolver(DatasetCatalog.load(), DatasetLocations.fromEnvironment(),
                Downloader.withProgressOnStderr());
    }

    /**
     * @param idOrPath an existing file, or a catalog id such as {@code azure-conv-2023}
     * @return the path of the file, or of the dataset's main file, verified when its sha256 is known
     */
    public static Path resolve(String idOrPath) { return resolver().resolve(idOrPath); }

    /** @return every file of dataset {@code id}, downloading what is missing */
    public static List<ResolvedFile> resolveAll(String id) { return resolver().resolveAll(id); }

    /** @return the files of dataset {@code id} already on disk, without downloading */
    public static List<ResolvedFile> resolveAvailable(String id) { return resolver().resolveAvailable(id); }

    /** @return one file of dataset {@code id}, by its catalog path */
    public static ResolvedFile resolveFile(String id, String path) { return resolver().resolveFile(id, path); }
}
