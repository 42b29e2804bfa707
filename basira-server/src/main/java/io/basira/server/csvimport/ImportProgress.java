package io.basira.server.csvimport;

/**
 * Told how far the reading of each file has come, so a CLI can draw a bar or an HTTP upload can
 * report a percentage.
 *
 * <p>For every present file it is called with {@code bytesRead == 0} before the first row and
 * exactly once with {@code bytesRead == totalBytes} when the file is done (read to its end or
 * abandoned); in between, at most once per buffer the reader fills (tens of kilobytes).
 * {@code bytesRead} counts raw bytes of the file, never decreases within a file and never exceeds
 * {@code totalBytes}. Called from the reading thread only.
 */
@FunctionalInterface
public interface ImportProgress {

    void advanced(String file, long bytesRead, long totalBytes);

    /** Reports nothing. */
    static ImportProgress none() {
        return (file, bytesRead, totalBytes) -> {};
    }
}
