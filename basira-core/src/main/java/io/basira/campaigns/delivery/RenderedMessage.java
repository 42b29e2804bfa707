package io.basira.campaigns.delivery;

/**
 * A message ready for its channel: the language chosen, the subject (e-mail), the HTML document (e-mail: the
 * merchant's sanitised body inside the right-to-left or left-to-right layout), the plain text (the e-mail's
 * alternative part; the SMS itself, opt-out line included) and, for SMS, its segments.
 */
public record RenderedMessage(String language, String subject, String html, String text, SmsSegments segments) {}
