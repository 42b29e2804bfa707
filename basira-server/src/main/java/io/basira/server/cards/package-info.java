/**
 * Customer cards: each customer's stored indicators (docs/indicators.md) and analytics columns, the card CSV
 * written once ({@code CardCsv}) for the API, the CLI, the dashboard and group exports. Below every feature that
 * shows or filters customers.
 */
package io.basira.server.cards;
