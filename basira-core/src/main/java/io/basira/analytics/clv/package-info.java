/**
 * Customer lifetime value (docs/clv.md): BG/NBD, Pareto/NBD and Gamma-Gamma fitted by maximum
 * likelihood on sufficient statistics, and the predictions per customer. A prediction is never
 * negative; a model that did not fit says why instead of predicting.
 */
package io.basira.analytics.clv;
