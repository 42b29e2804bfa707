/**
 * Campaigns (docs/campaigns.md): messages that act on the groups — abandoned-cart recovery, win-back,
 * birthday, one-off messages to a group, automations on entering a group, points about to expire — and the
 * lift each one really caused, measured against a random control group.
 *
 * <p>Two halves meet at the port {@link io.basira.campaigns.Messenger}. The campaign engine decides who is
 * due a message and when (triggers, schedules, control groups, lift); the messenger delivers one message with
 * care (consent per channel and purpose, unsubscribe, quiet hours in the store's zone, frequency caps, the
 * customer's language, templates, the channels themselves) and remembers it in the message log, so one
 * {@link io.basira.campaigns.MessageRequest#idempotencyKey() idempotency key} is never sent twice, across
 * restarts and instances.
 *
 * <p>Plain Java: storage and delivery through ports, time from the injected clock.
 */
package io.basira.campaigns;
