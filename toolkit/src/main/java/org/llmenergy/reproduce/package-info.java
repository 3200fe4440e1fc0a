/**
 * The main job, {@code llm-energy reproduce}: reads each trace once ({@link org.llmenergy.reproduce.TraceReading}),
 * runs or resumes the embedded controlled sweep ({@link org.llmenergy.reproduce.EmbeddedSweep}, specs as resource
 * files), prices the traces, and lays the report out explicitly ({@link org.llmenergy.reproduce.Reproduction#layout},
 * a {@link org.llmenergy.reproduce.ReproductionReport} of typed {@link org.llmenergy.reproduce.ReportPart}s).
 *
 * <p>It orchestrates and owns no figure: every panel and table comes from {@code report} (data in, panel out),
 * every energy from {@code estimate}, every measurement from {@code experiment}. It may use every package below
 * {@code cli}; only {@code cli} uses it.
 */
package org.llmenergy.reproduce;
