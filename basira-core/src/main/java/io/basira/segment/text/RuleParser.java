package io.basira.segment.text;

import io.basira.segment.And;
import io.basira.segment.Condition;
import io.basira.segment.Conditions;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldFamily;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.RuleError;
import io.basira.segment.RuleValueException;
import io.basira.segment.SegmentField;
import io.basira.segment.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive-descent parser of the text form (grammar in docs/rules.md; why hand-written in
 * docs/adr/0001-rule-parser.md). One method per grammar rule; precedence NOT over AND over OR.
 *
 * <pre>
 * rule      = or END
 * or        = and { "OR" and }
 * and       = not { "AND" not }
 * not       = "NOT" not | primary
 * primary   = "(" or ")" | predicate
 * predicate = field ( cmp value | ["NOT"] "BETWEEN" value "AND" value
 *                   | ["NOT"] "IN" "(" value { "," value } ")" | "IS" ["NOT"] "NULL" )
 * value     = string | number | relative-date | "today"
 * </pre>
 *
 * Parenthesised groups are kept as written ({@code a AND (b AND c)} is an AND inside an AND). Not
 * thread-safe; one instance per text.
 */
final class RuleParser {

    /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private final FieldCatalogue fields;
    private int index;
    private int depth;

    RuleParser(String text, FieldCatalogue fields) {
        this.tokens = new RuleTokenizer(text).tokens();
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    Condition rule() {
        if (peek().type() == TokenType.END) {
            throw error(peek(), RuleError.EMPTY);
        }
        Condition rule = or();
        if (peek().type() != TokenType.END) {
            throw error(peek(), RuleError.EXPECTED_END, peek().found());
        }
        return rule;
    }

    private Condition or() {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peek().isKeyword("OR")) {
            advance();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Condition and() {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (peek().isKeyword("AND")) {
            advance();
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Condition not() {
        if (peek().isKeyword("NOT")) {
            Token not = advance();
            enter(not);
            Condition operand = not();
            depth--;
            return new Not(operand);
        }
        return primary();
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, RuleError.TOO_DEEP, MAX_DEPTH);
        }
    }

    private Condition primary() {
        Token token = peek();
        if (token.type() == TokenType.LEFT_PAREN) {
            advance();
            enter(token);
            Condition inner = or();
            depth--;
            if (peek().type() != TokenType.RIGHT_PAREN) {
                throw error(peek(), RuleError.UNCLOSED_PARENTHESIS, token.line(), token.column(), peek().found());
            }
            advance();
            return inner;
        }
        if (token.type() != TokenType.WORD || Keywords.isReserved(token.source())) {
            throw index == 0
                    ? error(token, RuleError.EXPECTED_CONDITION, token.found())
                    : error(
                            token,
                            RuleError.EXPECTED_CONDITION_AFTER,
                            tokens.get(index - 1).source(),
                            token.found());
        }
        return predicate();
    }

    private Condition predicate() {
        Token name = advance();
        SegmentField field = fields.byName(name.source()).orElseThrow(() -> unknownField(name));
        boolean negated = peek().isKeyword("NOT")
                && (peekAt(1).isKeyword("IN") || peekAt(1).isKeyword("BETWEEN"));
        if (negated) {
            advance();
        }
        Condition leaf = build(name, field, operatorAndOperands(name));
        return negated ? new Not(leaf) : leaf;
    }

    private Operation operatorAndOperands(Token name) {
        Token op = advance();
        if (op.type() == TokenType.OPERATOR) {
            return new Operation(comparison(op), List.of(value(op)));
        }
        if (op.isKeyword("BETWEEN")) {
            Value from = value(op);
            Token and = advance();
            if (!and.isKeyword("AND")) {
                throw error(and, RuleError.EXPECTED_BETWEEN_AND, and.found());
            }
            return new Operation(Operator.BETWEEN, List.of(from, value(and)));
        }
        if (op.isKeyword("IN")) {
            return new Operation(Operator.IN, valueList(op));
        }
        if (op.isKeyword("IS")) {
            return new Operation(nullTest(), List.of());
        }
        throw error(op, RuleError.EXPECTED_OPERATOR, name.source(), op.found());
    }

    private Operator nullTest() {
        boolean not = peek().isKeyword("NOT");
        if (not) {
            advance();
        }
        Token nullToken = advance();
        if (!nullToken.isKeyword("NULL")) {
            throw error(nullToken, RuleError.EXPECTED_NULL, not ? "IS NOT" : "IS", nullToken.found());
        }
        return not ? Operator.IS_NOT_NULL : Operator.IS_NULL;
    }

    private List<Value> valueList(Token in) {
        Token open = advance();
        if (open.type() != TokenType.LEFT_PAREN) {
            throw error(open, RuleError.EXPECTED_IN_LIST, open.found());
        }
        List<Value> values = new ArrayList<>();
        values.add(value(open));
        while (peek().type() == TokenType.COMMA) {
            values.add(value(advance()));
        }
        Token close = advance();
        if (close.type() != TokenType.RIGHT_PAREN) {
            throw error(close, RuleError.EXPECTED_IN_SEPARATOR, close.found());
        }
        return values;
    }

    private Value value(Token previous) {
        Token token = peek();
        switch (token.type()) {
            case STRING:
                advance();
                return Value.text(token.value());
            case NUMBER:
                advance();
                return Value.number(
                        token.value().startsWith("+") ? token.value().substring(1) : token.value());
            case RELATIVE_DATE:
                advance();
                return relativeDate(token);
            default:
                if (token.isKeyword("today")) {
                    advance();
                    return Value.daysFromToday(0);
                }
                if (token.type() == TokenType.WORD && !Keywords.isReserved(token.source())) {
                    throw error(
                            token, RuleError.EXPECTED_VALUE_QUOTED, previous.source(), token.found(), token.source());
                }
                throw error(token, RuleError.EXPECTED_VALUE, previous.source(), token.found());
        }
    }

    private Value relativeDate(Token token) {
        try {
            return Objects.requireNonNull(Value.RelativeDate.parse(token.value()), "tokenizer and parser disagree");
        } catch (IllegalArgumentException e) {
            throw error(token, e);
        }
    }

    private Condition build(Token name, SegmentField field, Operation operation) {
        try {
            return Conditions.of(field, operation.operator(), operation.operands());
        } catch (IllegalArgumentException e) {
            throw error(name, e);
        }
    }

    private static Operator comparison(Token op) {
        for (Operator operator : Operator.values()) {
            if (operator.isComparison() && operator.symbol().equals(op.value())) {
                return operator;
            }
        }
        throw new IllegalStateException("tokenizer produced unknown operator " + op.source());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }

    private static RuleSyntaxException error(Token at, RuleError error, Object... arguments) {
        return new RuleSyntaxException(at.line(), at.column(), error, arguments);
    }

    /** A refusal of the typing ({@link RuleValueException}: its code) or of a field's own check (its reason). */
    private static RuleSyntaxException error(Token at, IllegalArgumentException e) {
        if (e instanceof RuleValueException typed) {
            return error(at, typed.error(), typed.arguments().toArray());
        }
        return error(at, RuleError.OTHER, e.getMessage());
    }

    private RuleSyntaxException unknownField(Token name) {
        for (FieldFamily family : fields.families()) {
            if (family.outOfRange(name.source().toLowerCase(java.util.Locale.ROOT))
                    .isPresent()) {
                return error(
                        name,
                        RuleError.DAYS_OUT_OF_RANGE,
                        family.key(),
                        family.minimum(),
                        family.maximum(),
                        name.source());
            }
        }
        return fields.nearest(name.source())
                .map(f -> error(name, RuleError.UNKNOWN_FIELD_NEAREST, name.source(), f.fieldName()))
                .orElseGet(() -> error(name, RuleError.UNKNOWN_FIELD, name.source()));
    }

    /** An operator with its operands, before it becomes a condition. */
    private record Operation(Operator operator, List<Value> operands) {}
}
