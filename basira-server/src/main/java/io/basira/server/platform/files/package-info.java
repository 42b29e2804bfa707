/**
 * Files on disk: the data folder and demo credentials owner-only, upload folders locked while in use
 * and swept at start.
 */
package io.basira.server.platform.files;
