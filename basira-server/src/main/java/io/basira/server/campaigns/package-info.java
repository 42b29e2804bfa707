/**
 * Adapters of the core's campaign engine {@code io.basira.campaigns} (docs/campaigns.md): the tables
 * ({@link io.basira.server.campaigns.jdbc.JdbcCampaigns}, {@link io.basira.server.campaigns.jdbc.JdbcEnrolments}, V110), the
 * application service {@link io.basira.server.campaigns.CampaignService} (API, CLI, dashboard, loop and jobs),
 * {@link io.basira.server.campaigns.api.CampaignController} ({@code /api/v1/campaigns}), the
 * {@link io.basira.server.campaigns.CampaignLoop} that enrols and sends, and the outbox listener of group entries and
 * expiring points. Delivery is the {@link io.basira.campaigns.Messenger}'s: {@code io.basira.server.messaging.DeliveringMessenger}.
 *
 * <p>Invariants: one enrolment per (campaign, customer, trigger), written once; the control side fixed per customer
 * and campaign; every query names the store.
 */
package io.basira.server.campaigns;
