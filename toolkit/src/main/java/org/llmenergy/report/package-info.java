/**
 * Tablesaw tables and XChart figures for every figure of the paper, and the offline HTML report.
 * Uses {@code estimate}, {@code experiment} and {@code workload}.
 */
package org.llmenergy.report;
