/**
 * Reading and validating the canonical CSV folder of docs/import.md into core records: plain Java, no
 * Spring. Every error names the file and line (and the column, where it has one); a folder with an error
 * applies nothing.
 */
package io.basira.server.csvimport;
