package io.basira.segment.text;

import io.basira.segment.RuleError;
import io.basira.segment.RuleLimits;
import io.basira.shared.Numerals;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule's text into {@link Token}s, remembering the line and column of each.
 *
 * <p>Words are ASCII letters, digits and {@code _}, starting with a letter or {@code _}. A string is
 * quoted with {@code '} and may hold any character, Arabic included; a {@code '} inside is doubled, as in
 * SQL. A number is an optional sign, digits and an optional fraction; digits may be Arabic-Indic or Persian
 * and the decimal separator {@code ٫} ({@link Numerals}), the token's value is the ASCII number. A sign, digits and {@code d} make
 * a relative date ({@code -90d}). Operators are {@code = != <> > >= < <=}.
 */
final class RuleTokenizer {

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    RuleTokenizer(String text) {
        this.text = text;
    }

    List<Token> tokens() {
        if (text.length() > RuleLimits.MAX_RULE_LENGTH) {
            tooLong();
        }
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenType.END, "", "", line, column(pos)));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = text.charAt(pos);
        int start = pos;
        if (isWordStart(c)) {
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return token(TokenType.WORD, start, text.substring(start, pos));
        }
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || ((c == '-' || c == '+') && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        return punctuation(c, start);
    }

    /** Refuses the rule at its first character past the limit. */
    private void tooLong() {
        while (pos < RuleLimits.MAX_RULE_LENGTH) {
            if (text.charAt(pos) == '\n') {
                newLine(pos + 1);
            }
            pos++;
        }
        throw new RuleSyntaxException(
                line, column(pos), RuleError.RULE_TOO_LONG, RuleLimits.MAX_RULE_LENGTH, text.length());
    }

    private Token punctuation(char c, int start) {
        switch (c) {
            case '(':
                pos++;
                return token(TokenType.LEFT_PAREN, start, "(");
            case ')':
                pos++;
                return token(TokenType.RIGHT_PAREN, start, ")");
            case ',':
                pos++;
                return token(TokenType.COMMA, start, ",");
            default:
                return operator(c, start);
        }
    }

    private Token operator(char c, int start) {
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        if (two.equals("!=") || two.equals(">=") || two.equals("<=") || two.equals("<>")) {
            pos += 2;
            return token(TokenType.OPERATOR, start, two.equals("<>") ? "!=" : two);
        }
        if (c == '=' || c == '>' || c == '<') {
            pos++;
            return token(TokenType.OPERATOR, start, String.valueOf(c));
        }
        String shown = new String(Character.toChars(text.codePointAt(pos)));
        throw new RuleSyntaxException(line, column(start), RuleError.UNEXPECTED_CHARACTER, shown);
    }

    private Token string() {
        int start = pos;
        int startLine = line;
        int startColumn = column(start);
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new RuleSyntaxException(startLine, startColumn, RuleError.UNTERMINATED_TEXT);
            }
            char c = text.charAt(pos);
            if (c == '\'' && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                value.append('\'');
                pos += 2;
            } else if (c == '\'') {
                pos++;
                if (value.length() > RuleLimits.MAX_LITERAL_LENGTH) {
                    throw new RuleSyntaxException(
                            startLine,
                            startColumn,
                            RuleError.TEXT_TOO_LONG,
                            RuleLimits.MAX_LITERAL_LENGTH,
                            value.length());
                }
                return new Token(
                        TokenType.STRING, text.substring(start, pos), value.toString(), startLine, startColumn);
            } else {
                if (c == '\n') {
                    newLine(pos + 1);
                }
                value.append(c);
                pos++;
            }
        }
    }

    private Token number() {
        int start = pos;
        pos++;
        skipDigits();
        if (pos < text.length()
                && (text.charAt(pos) == 'd' || text.charAt(pos) == 'D')
                && (text.charAt(start) == '-' || text.charAt(start) == '+')
                && (pos + 1 >= text.length() || !isWordPart(text.charAt(pos + 1)))) {
            pos++;
            return token(TokenType.RELATIVE_DATE, start, ascii(start, text.substring(start, pos - 1)) + "d");
        }
        if (pos + 1 < text.length() && Numerals.isDecimalSeparator(text.charAt(pos)) && isDigit(text.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        return token(TokenType.NUMBER, start, ascii(start, text.substring(start, pos)));
    }

    /** The number in ASCII, its sign kept as written ({@code +١٥} is {@code +15}). */
    private String ascii(int start, String number) {
        String ascii = Numerals.toAscii(number);
        if (ascii == null) {
            throw new RuleSyntaxException(line, column(start), RuleError.NOT_A_NUMBER, number);
        }
        return (number.startsWith("+") ? "+" : "") + ascii;
    }

    /** Digits, and Arabic thousands separators between them ({@code ١٬٥٠٠}). */
    private void skipDigits() {
        while (pos < text.length()
                && (isDigit(text.charAt(pos))
                        || (text.charAt(pos) == Numerals.ARABIC_THOUSANDS
                                && pos + 1 < text.length()
                                && isDigit(text.charAt(pos + 1))))) {
            pos++;
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                newLine(pos + 1);
            }
            pos++;
        }
    }

    private void newLine(int nextLineStart) {
        line++;
        lineStart = nextLineStart;
    }

    private Token token(TokenType type, int start, String value) {
        return new Token(type, text.substring(start, pos), value, line, column(start));
    }

    private int column(int offset) {
        return offset - lineStart + 1;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isDigit(char c) {
        return Numerals.isDigit(c);
    }
}
