package io.basira.campaigns;

/**
 * A message in Arabic and English. The customer's language is used, else the store's, else whichever of
 * the two exists; at least one exists.
 */
public record MessageTemplate(TemplateText arabic, TemplateText english) {

    public MessageTemplate {
        if (arabic == null && english == null) {
            throw new InvalidCampaign(
                    "body_ar, body_en",
                    InvalidCampaign.Reason.NEEDS_MESSAGE,
                    "a message template needs an Arabic or an English text");
        }
    }
}
