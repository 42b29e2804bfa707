/**
 * The reference engine: evaluates a rule for one customer ({@link io.basira.segment.eval.RuleEvaluator})
 * with SQL three-valued logic (an unknown value is neither in nor out), and explains why a customer is
 * in. "Today" and the time zone come in an {@link io.basira.segment.eval.EvaluationContext}; nothing
 * here reads a clock.
 */
package io.basira.segment.eval;
