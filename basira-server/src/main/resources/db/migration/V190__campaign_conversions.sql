-- An enrolment converted by an order (docs/campaigns.md, "Webhooks"): the first order of the customer after the
-- trigger and within the campaign's attribution window, set once (the conditional update that sets it is what makes
-- the campaign.converted webhook go once per enrolment across retries and instances).
ALTER TABLE campaign_enrolments ADD COLUMN converted_order_id VARCHAR(128);
ALTER TABLE campaign_enrolments ADD COLUMN converted_at TIMESTAMP WITH TIME ZONE;
