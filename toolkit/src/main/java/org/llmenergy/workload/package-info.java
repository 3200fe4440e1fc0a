/**
 * Request traces and their modelling (Fernandez et al. 2025, §4): {@link org.llmenergy.workload.Request},
 * streaming trace readers, exact length statistics, the paper's ceiling binning and the binned workload.
 * Reads files resolved by {@code data}.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.llmenergy.workload.TraceProfile#of(String)} (also with a {@link org.llmenergy.workload.Binning}
 *       and {@link org.llmenergy.workload.TraceOptions}): ONE pass over a catalog id or a file, giving
 *       {@code inputStats()/outputStats()} ({@link org.llmenergy.workload.LengthStats}: count, mean, sample std,
 *       median, p99, min, max), the exact distributions ({@link org.llmenergy.workload.LengthDistribution}, with
 *       the empirical CDFs) and {@code binned()} ({@link org.llmenergy.workload.BinnedWorkload}: N(I*, O*),
 *       overflow by reason, binned CDFs, {@code toTable()}).</li>
 *   <li>{@link org.llmenergy.workload.Trace}: open or resolve a trace, then {@code read(LengthSink)} (lengths only,
 *       fastest) or {@code forEach(Consumer<Request>)} (with arrival times).</li>
 *   <li>{@link org.llmenergy.workload.Binning}: {@code paper()} (input 32…8192, output 8…512), {@code figure7()}
 *       (no 64 output bin), custom edges, {@link org.llmenergy.workload.OverflowPolicy} exclude (default) or clip;
 *       {@code newCounter()} streams requests into a {@link org.llmenergy.workload.BinCounter}.</li>
 *   <li>{@link org.llmenergy.workload.PaperTables}: the paper's Tables 1–2 as data, compared with recomputed
 *       statistics by {@link org.llmenergy.workload.ExpectedLengthStats#compare}.</li>
 * </ul>
 *
 * <h2>Formats</h2>
 * {@link org.llmenergy.workload.TraceFormat}: Azure 2023 and 2024 ({@code TIMESTAMP,ContextTokens,GeneratedTokens}),
 * BurstGPT (6 or 8 columns), generic CSV and JSON Lines with named input/output columns. Detected from the header
 * (and for Azure, from whether the first time carries an offset) or taken from the catalog entry. Columns are
 * found by name. Every row must have the header's number of columns. Token counts must be non-negative whole
 * numbers. Blank lines are skipped. Gzip files are read as their content; a file that is no text trace
 * (another compression, UTF-16, CR-only line endings, binary) is refused naming the likely cause, and no error
 * echoes raw bytes. A JSON Lines line holds exactly one object without duplicate keys, at most 16 Mi characters. Any violation is a {@link org.llmenergy.workload.TraceFormatException} that
 * names the file, line and column, and the pass returns no result.
 *
 * <h2>Statistics</h2>
 * Exact, from a counting histogram over integer lengths ({@link org.llmenergy.workload.LengthHistogram}): memory
 * depends on the largest length, not the number of requests. The std is the sample std (divisor n−1).
 * Percentiles use numpy's default linear interpolation: for n sorted values and a fraction p, h = p·(n−1), value
 * x⌊h⌋ + (h−⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
 */
package org.llmenergy.workload;
