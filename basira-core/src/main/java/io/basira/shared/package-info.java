/**
 * The values every way in shares: {@link io.basira.shared.Money} (long minor units and a currency, never
 * a double), {@link io.basira.shared.Store} and {@link io.basira.shared.StoreId}, dates read in a store's
 * time zone ({@link io.basira.shared.Dates}, {@link io.basira.shared.DateRange}) and the text rules
 * ({@link io.basira.shared.TextRules}). Each value validates in its constructor; nothing here reads the
 * system clock. Depends on nothing else of Basira.
 */
package io.basira.shared;
