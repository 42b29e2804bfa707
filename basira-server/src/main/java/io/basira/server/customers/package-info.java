/**
 * The customer card over HTTP (card, list, search, sort) and the CSV exports. Every CSV the server
 * writes goes through {@code SpreadsheetCsv} (FastCSV), every card export through {@code CardCsv}, and
 * every cell of outside data through {@code SpreadsheetSafe}, so a spreadsheet never runs it as a
 * formula.
 */
package io.basira.server.customers;
