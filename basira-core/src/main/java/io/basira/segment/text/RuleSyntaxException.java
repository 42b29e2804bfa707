package io.basira.segment.text;

import io.basira.segment.InvalidRuleException;
import io.basira.segment.RuleError;
import java.util.List;

/**
 * A rule in text form that cannot be read: {@code line 1, column 17: expected a value after '>'}.
 * Lines and columns count from 1; a column counts characters (UTF-16 units) from the line's start.
 */
public final class RuleSyntaxException extends InvalidRuleException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public RuleSyntaxException(int line, int column, String reason) {
        super(position(line, column), reason);
        this.line = line;
        this.column = column;
    }

    public RuleSyntaxException(int line, int column, RuleError error, Object... arguments) {
        super(position(line, column), error, List.of(arguments));
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    @Override
    public String where() {
        return position(line, column);
    }

    private static String position(int line, int column) {
        return "line " + line + ", column " + column;
    }
}
