/**
 * The analyses over HTTP and the command line ({@code basira analyze}), the store facts read from JDBC,
 * and the stored analytics card fields ({@code customer_analytics}), replaced whole per store by a
 * refresh (by hand or nightly).
 */
package io.basira.server.analytics;
