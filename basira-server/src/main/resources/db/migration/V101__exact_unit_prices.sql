-- Prices finer than the currency's minor unit (docs/import.md, "Prices finer than the currency"): a product or
-- order line sold at 0.001 SAR a piece keeps that price here, exactly; price_minor / unit_price_minor hold it
-- rounded half up to minor units. NULL when the price fits the minor units (then the *_minor column is exact).
ALTER TABLE products ADD COLUMN price_exact NUMERIC(19, 6);
ALTER TABLE order_lines ADD COLUMN unit_price_exact NUMERIC(19, 6);
