/**
 * The demo store, imported on the first start when enabled, with credentials written owner-only.
 */
package io.basira.server.demo;
