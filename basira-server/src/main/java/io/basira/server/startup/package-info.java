/**
 * What runs when the server starts and at each store's midnight: the warm-up (stores' memory loaded before the
 * server answers as ready) and the wiring of every feature's scheduled job ({@code JobsConfiguration}).
 */
package io.basira.server.startup;
