package io.basira.segment.text;

/** The kinds of token of the text form. Keywords are {@link #WORD}s, recognised case-insensitively. */
enum TokenType {
    WORD,
    STRING,
    NUMBER,
    RELATIVE_DATE,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
}
