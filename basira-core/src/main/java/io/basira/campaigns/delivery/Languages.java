package io.basira.campaigns.delivery;

import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.TemplateText;

/**
 * Which of a template's two texts a customer reads: their own language ({@code contact_preferences}), else the
 * store's, else whichever the template has.
 */
public final class Languages {

    public static final String ARABIC = "ar";
    public static final String ENGLISH = "en";

    private Languages() {}

    /** {@code "ar"} or {@code "en"}: the language of the text chosen. */
    public static String choose(MessageTemplate template, String customerLanguage, String storeLanguage) {
        for (String wanted : new String[] {customerLanguage, storeLanguage}) {
            if (ARABIC.equals(wanted) && template.arabic() != null) {
                return ARABIC;
            }
            if (ENGLISH.equals(wanted) && template.english() != null) {
                return ENGLISH;
            }
        }
        return template.arabic() != null ? ARABIC : ENGLISH;
    }

    public static TemplateText text(MessageTemplate template, String language) {
        return ARABIC.equals(language) ? template.arabic() : template.english();
    }

    /** {@code "ar"}, {@code "en"} or null, from what a person or a platform wrote ({@code ar-SA}, {@code English}). */
    public static String normalise(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String l = language.strip().toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith("ar") || l.equals("عربي") || l.equals("العربية")) {
            return ARABIC;
        }
        if (l.startsWith("en")) {
            return ENGLISH;
        }
        throw new IllegalArgumentException("language '" + language + "' is neither Arabic (ar) nor English (en)");
    }
}
