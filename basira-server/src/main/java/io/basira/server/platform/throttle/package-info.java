/**
 * Rate limits per key (account, address) with Bucket4j, and the 429 filter for public endpoints.
 */
package io.basira.server.platform.throttle;
