package io.basira.loyalty;

/** The ports every loyalty use case reads and writes, grouped. */
public record LoyaltyPorts(LoyaltyPrograms programs, LoyaltyLedgers ledgers, PurchaseActivity activity) {}
