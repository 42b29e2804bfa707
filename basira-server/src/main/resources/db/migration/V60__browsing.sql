-- Browsing (docs/browsing.md): the tracking snippet's site per store, the events it sends (appended,
-- never updated), the link from a first-party visitor id to the store's customer (identify), and the
-- per-customer aggregates the card fields read (recomputed by the batch writer and the nightly job).

CREATE TABLE browsing_sites (
    store_id          BIGINT        NOT NULL PRIMARY KEY REFERENCES stores (id),
    site_key          VARCHAR(64)   NOT NULL,
    allowed_origins   VARCHAR(4000) NOT NULL,
    consent_required  BOOLEAN       NOT NULL,
    honour_dnt        BOOLEAN       NOT NULL,
    retention_months  INT           NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT browsing_sites_key_unique UNIQUE (site_key)
);

-- kind: page, product, cart, search, identify. No key: rows are only ever appended and pruned by age.
CREATE TABLE browsing_events (
    store_id             BIGINT        NOT NULL,
    visitor_id           VARCHAR(64)   NOT NULL,
    session_id           VARCHAR(64)   NOT NULL,
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    path                 VARCHAR(500),
    product_id           VARCHAR(128),
    category             VARCHAR(100),
    search_query         VARCHAR(200),
    customer_external_id VARCHAR(128)
);
CREATE INDEX browsing_events_visitor ON browsing_events (store_id, visitor_id, occurred_at);
CREATE INDEX browsing_events_time ON browsing_events (store_id, occurred_at);

CREATE TABLE browsing_visitors (
    store_id             BIGINT        NOT NULL,
    visitor_id           VARCHAR(64)   NOT NULL,
    customer_external_id VARCHAR(128)  NOT NULL,
    linked_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id, visitor_id)
);
CREATE INDEX browsing_visitors_customer ON browsing_visitors (store_id, customer_external_id);

CREATE TABLE browsing_customers (
    store_id             BIGINT        NOT NULL,
    customer_external_id VARCHAR(128)  NOT NULL,
    last_seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sessions_30d         INT           NOT NULL,
    page_views_30d       INT           NOT NULL,
    product_views_30d    INT           NOT NULL,
    sessions_total       INT           NOT NULL,
    computed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id, customer_external_id)
);
