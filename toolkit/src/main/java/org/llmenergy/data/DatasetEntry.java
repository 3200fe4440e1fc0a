package org.llmenergy.data;

import java.util.List;
import java.util.Objects;

/**
 * One dataset of the catalog: what it is, where it comes from, under which licence, and its files.
 *
 * @param id       stable id, for example {@code azure-conv-2023}; also the folder name in the mirror and cache
 * @param title    one-line description
 * @param format   how its main file is read, for example {@code azure-2023}, {@code azure-2024},
 *                 {@code burstgpt}, {@code mlenergy-v2-json}
 * @param license  SPDX licence id
 * @param citation what to cite when using the data
 * @param homepage where the dataset is documented
 * @param notes    caveats (for example "no sha256 published"), or empty
 * @param mainPath path of the main file (the trace, for a trace dataset)
 * @param files    every file, never empty
 * @param paperName what Fernandez et al. (ACL 2025) call this trace in Table 4 and Figures 1 and 7
 *                 ({@code "Azure Conversation"}, {@code "Azure Code"}, {@code "BurstGPT"}), or null for a dataset
 *                 the paper does not use
 */
public record DatasetEntry(String id, String title, String format, String license, String citation,
                           String homepage, String notes, String mainPath, List<DatasetFile> files, String paperName) {

    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format of " + id);
        files = List.copyOf(files);
        if (files.isEmpty()) throw new IllegalArgumentException("dataset " + id + " has no files");
        if (mainPath == null) mainPath = files.get(0).path();
        String main = mainPath;
        if (files.stream().noneMatch(f -> f.path().equals(main))) {
            throw new IllegalArgumentException("dataset " + id + ": main file " + main + " is not among its files");
        }
        notes = notes == null ? "" : notes;
    }

    /** @return the main file: the trace of a trace dataset, else the entry's representative file */
    public DatasetFile mainFile() { return file(mainPath); }

    /**
     * @param path a file path as listed in the catalog
     * @return that file
     * @throws DatasetException when the entry has no such file
     */
    public DatasetFile file(String path) {
        for (DatasetFile f : files) if (f.path().equals(path)) return f;
        throw new DatasetException("dataset " + id + " has no file '" + path + "' (it has " + files.size()
                + " files, for example " + files.get(0).path() + ")");
    }

    /** @return the sum of known file sizes in bytes, or null when any size is unknown */
    public Long totalSize() {
        long sum = 0;
        for (DatasetFile f : files) {
            if (f.size() == null) return null;
            sum += f.size();
        }
        return sum;
    }
}
