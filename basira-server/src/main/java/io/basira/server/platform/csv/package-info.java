/**
 * The one CSV writer of the server (FastCSV) with the spreadsheet-injection guard: every CSV the server writes
 * (exports, reports) goes through {@code SpreadsheetCsv}.
 */
package io.basira.server.platform.csv;
