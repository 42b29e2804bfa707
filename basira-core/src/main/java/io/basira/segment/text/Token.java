package io.basira.segment.text;

import java.util.Locale;

/**
 * One token: its kind, its source text, its value (a string literal unquoted and unescaped; a number or relative date
 * in ASCII digits; otherwise the source text) and where it starts.
 */
record Token(TokenType type, String source, String value, int line, int column) {

    boolean isKeyword(String keyword) {
        return type == TokenType.WORD && source.equalsIgnoreCase(keyword);
    }

    boolean isOperator(String symbol) {
        return type == TokenType.OPERATOR && source.equals(symbol);
    }

    /** How the token reads in a message: {@code 'AND'}, or {@code the end of the rule}. */
    String describe() {
        return type == TokenType.END ? "the end of the rule" : "'" + source + "'";
    }

    /** The token as the argument of a {@link io.basira.segment.RuleError}: {@code 'AND'} or the end of the rule. */
    Object found() {
        return type == TokenType.END ? io.basira.segment.RuleError.END_OF_RULE : "'" + source + "'";
    }

    String upper() {
        return source.toUpperCase(Locale.ROOT);
    }
}
