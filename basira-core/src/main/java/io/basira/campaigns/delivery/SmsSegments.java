package io.basira.campaigns.delivery;

/**
 * How many SMS parts a text costs. GSM-7 (the basic set and its extension, whose characters count twice): 160
 * characters in one part, 153 per part when split. Anything outside GSM-7 — Arabic, most emoji — is sent as
 * UCS-2: 70 UTF-16 units in one part, 67 per part when split.
 */
public record SmsSegments(String encoding, int characters, int segments, int perSegment) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        int gsmLength = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmLength++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                gsmLength += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            int segments = gsmLength <= 160 ? 1 : (gsmLength + 152) / 153;
            return new SmsSegments("GSM-7", gsmLength, Math.max(segments, 1), gsmLength <= 160 ? 160 : 153);
        }
        int units = text.length();
        int segments = units <= 70 ? 1 : (units + 66) / 67;
        return new SmsSegments("UCS-2", units, segments, units <= 70 ? 70 : 67);
    }
}
