/**
 * The deterministic Saudi demo store (docs/demo-store.md): a folder of canonical CSV files
 * (docs/import.md) that the importer reads like a merchant's export. The same seed and size give the
 * same bytes; memory stays flat whatever the size.
 */
package io.basira.demo;
