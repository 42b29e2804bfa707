-- The most likely next category of a customer at the analytics refresh (docs/products.md, "Next products"; the rule
-- field next_category, docs/rules.md): a category name as the products feed gave it (products.category is at most
-- 200 characters), null without a counted order or when none of her ten best next products has a category.
ALTER TABLE customer_analytics ADD COLUMN next_category VARCHAR(200);
