-- The lines of a cart (docs/campaigns.md, "Cart items"): the product, how many, and the name, unit price and link
-- the shop gave, when it gave them, so an abandoned-cart reminder can list the items with links. A cart that arrives
-- with lines replaces them; deleting the cart (erasure, retention) deletes its lines.
-- unit_price is in the store's currency, exact (as products.price_exact); NULL when the cart did not say.
CREATE TABLE cart_lines (
    store_id             BIGINT         NOT NULL,
    cart_external_id     VARCHAR(128)   NOT NULL,
    line_no              INT            NOT NULL,
    product_external_id  VARCHAR(128)   NOT NULL,
    name                 VARCHAR(500),
    quantity             INT            NOT NULL,
    unit_price           NUMERIC(19, 6),
    url                  VARCHAR(2048),
    PRIMARY KEY (store_id, cart_external_id, line_no),
    CONSTRAINT cart_lines_cart_fk FOREIGN KEY (store_id, cart_external_id)
        REFERENCES carts (store_id, external_id) ON DELETE CASCADE,
    CONSTRAINT cart_lines_quantity_check CHECK (quantity > 0)
);
