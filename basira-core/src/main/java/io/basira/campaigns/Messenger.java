package io.basira.campaigns;

/**
 * Port: delivers one message with care, and remembers it in the message log (part of the customer's
 * timeline, privacy export and erase). Idempotent: a request whose {@link MessageRequest#idempotencyKey()} was
 * sent before answers {@link SendOutcome.Suppressed} with {@code ALREADY_SENT} and sends nothing, across restarts
 * and instances. Consent, unsubscribe, quiet hours (the store's zone) and frequency caps are the messenger's
 * to apply; the engine only asks, and asks again when told to wait.
 */
public interface Messenger {

    SendOutcome send(MessageRequest request);
}
