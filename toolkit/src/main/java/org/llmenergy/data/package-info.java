/**
 * Datasets: the catalog ({@code datasets/catalog.json}, bundled as {@code org/llmenergy/data/catalog.json}),
 * resolution, sha256 checks and downloads with progress. Uses nothing above {@code units}.
 *
 * <ul>
 *   <li>{@link org.llmenergy.data.DatasetCatalog#load()}, {@link org.llmenergy.data.DatasetCatalog#entry(String)}:
 *       entries ({@link org.llmenergy.data.DatasetEntry}) and their files ({@link org.llmenergy.data.DatasetFile}:
 *       upstream path, URL, sha256 or null, size, rows).</li>
 *   <li>{@link org.llmenergy.data.Datasets#resolve(String)}: a trace id or an existing path → the file, in the
 *       architecture's order: explicit path, mirror ({@code LLM_ENERGY_DATASETS_MIRROR}), cache
 *       ({@code LLM_ENERGY_CACHE}), download. {@link org.llmenergy.data.Datasets#resolveAll(String)},
 *       {@link org.llmenergy.data.Datasets#resolveFile(String, String)} and
 *       {@link org.llmenergy.data.Datasets#resolveAvailable(String)} handle multi-file entries one file at a time.</li>
 *   <li>{@link org.llmenergy.data.DatasetResolver}: the same with explicit {@link org.llmenergy.data.DatasetLocations}
 *       and {@link org.llmenergy.data.Downloader} (tests, notebooks with their own cache), plus
 *       {@link org.llmenergy.data.DatasetResolver#check(DatasetEntry)} for {@code datasets verify}.</li>
 * </ul>
 *
 * A file with a known sha256 is verified wherever it is found; a mismatch is a
 * {@link org.llmenergy.data.ChecksumMismatchException} naming the file and both hashes.
 */
package org.llmenergy.data;
