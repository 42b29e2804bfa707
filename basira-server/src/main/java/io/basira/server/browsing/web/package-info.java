/**
 * The dashboard pages of browsing (the tracking snippet, sessions, returning visitors; docs/browsing.md):
 * Thymeleaf controllers and their view models, in the reader's language. Every page acts on the signed-in user's
 * store ({@code SignedIn}) and calls the same use cases as the API; layout, locale and sign-in come from the
 * dashboard shell.
 */
package io.basira.server.browsing.web;
