package io.basira.campaigns;

/**
 * Why a message is sent; consent is given (and withdrawn) per channel and purpose. Marketing messages wait
 * out quiet hours and count against frequency caps; transactional ones (a points statement the customer asked
 * for) do neither.
 */
public enum Purpose {
    MARKETING,
    TRANSACTIONAL
}
