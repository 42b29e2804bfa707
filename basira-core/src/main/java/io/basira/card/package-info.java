/**
 * The customer card: the indicators of docs/indicators.md, folded from a customer's records by
 * {@link io.basira.card.CardAccumulator}, the one place their definitions are written. A card is a
 * function of the customer's records and "today"; it is refreshed in the transaction of every write
 * that touches the customer, never recomputed on a schedule. {@link io.basira.card.CardColumns} is its
 * export text.
 */
package io.basira.card;
