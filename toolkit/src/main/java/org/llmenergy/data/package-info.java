/**
 * Datasets: the catalog ({@code datasets/catalog.json}), resolution (explicit path, mirror folder, local
 * cache, download), sha256 verification and downloads with progress. Uses {@code units} only.
 */
package org.llmenergy.data;
