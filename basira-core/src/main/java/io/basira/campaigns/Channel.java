package io.basira.campaigns;

/** How a message reaches a customer. */
public enum Channel {
    /** Over SMTP, to the customer's e-mail address. */
    EMAIL,
    /** Through the store's SMS gateway (Unifonic, Twilio or a generic JSON one), to the customer's phone. */
    SMS,
    /** As an outgoing webhook (docs/webhooks.md), for the store's own messaging system to deliver. */
    WEBHOOK
}
