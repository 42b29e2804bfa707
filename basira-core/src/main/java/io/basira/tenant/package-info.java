/**
 * API keys: generating a secret and hashing it (SHA-256). Only hashes are stored; a secret is shown
 * once, when it is made.
 */
package io.basira.tenant;
