/**
 * The dashboard pages of loyalty (points, tiers, perks on an append-only ledger; docs/loyalty.md): Thymeleaf
 * controllers and their view models, in the reader's language. Every page acts on the signed-in user's store
 * ({@code SignedIn}) and calls the same use cases as the API; layout, locale and sign-in come from the dashboard
 * shell.
 */
package io.basira.server.loyalty.web;
