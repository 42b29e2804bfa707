/**
 * The messenger's care, in plain Java (docs/campaigns.md, "Care" and "Channels"): quiet hours in the store's
 * zone ({@link QuietHours}), frequency caps ({@link FrequencyCaps}), consent per channel and purpose
 * ({@link Consent}), the order in which they are applied ({@link Care}), the customer's language
 * ({@link Languages}), the template syntax ({@link TemplateRenderer}), SMS segments ({@link SmsSegments}) and
 * phone numbers in E.164 ({@link PhoneNumbers}). The server's {@code messaging} package stores and sends.
 */
package io.basira.campaigns.delivery;
