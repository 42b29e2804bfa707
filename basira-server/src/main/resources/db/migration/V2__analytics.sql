-- Analytics card fields (docs/analytics.md, "Card fields"): one row per customer, replaced whole for a
-- store by `basira analyze refresh` or POST /api/v1/analytics/refresh. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE customer_analytics (
    store_id                BIGINT        NOT NULL REFERENCES stores (id),
    customer_external_id    VARCHAR(128)  NOT NULL,
    as_of                   DATE          NOT NULL,
    computed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    definitions_version     VARCHAR(16)   NOT NULL,
    revenue_percentile      NUMERIC(5, 2),
    rfm_recency             SMALLINT,
    rfm_frequency           SMALLINT,
    rfm_monetary            SMALLINT,
    rfm_group               VARCHAR(20)   NOT NULL,
    customer_type           VARCHAR(20),
    regularity              VARCHAR(12),
    p_alive                 DOUBLE PRECISION,
    expected_purchases_90d  DOUBLE PRECISION,
    predicted_value_12m     NUMERIC(19, 4),
    churn_risk              VARCHAR(8),
    next_order_expected_at  DATE,
    clv_method              VARCHAR(64),
    PRIMARY KEY (store_id, customer_external_id),
    CONSTRAINT customer_analytics_customer_fk FOREIGN KEY (store_id, customer_external_id)
        REFERENCES customers (store_id, external_id)
);
