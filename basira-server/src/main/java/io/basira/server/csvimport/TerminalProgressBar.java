package io.basira.server.csvimport;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar per file, redrawn in place with a carriage return:
 * {@code orders.csv      [##########----------]  50%   12.3 of 24.6 MB}. It redraws only when the
 * whole percentage changes, so a fast read costs at most about a hundred writes per file, and ends
 * each file's line with a newline when the file is done.
 *
 * <p>Not thread-safe: one read at a time.
 */
public final class TerminalProgressBar implements ImportProgress {

    private static final int WIDTH = 30;
    private static final double MB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private String file;
    private int percent = -1;

    public TerminalProgressBar(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A bar on the console when there is one (an interactive terminal), otherwise silence. */
    public static ImportProgress onConsole() {
        Console console = System.console();
        return console == null ? ImportProgress.none() : new TerminalProgressBar(console.writer());
    }

    @Override
    public void advanced(String file, long bytesRead, long totalBytes) {
        int now = totalBytes <= 0 ? 100 : (int) (100 * bytesRead / totalBytes);
        if (file.equals(this.file) && now == percent) {
            return;
        }
        this.file = file;
        this.percent = now;
        out.print('\r');
        out.print(line(file, now, bytesRead, totalBytes));
        if (bytesRead >= totalBytes) {
            out.println();
            this.file = null;
        }
        out.flush();
    }

    static String line(String file, int percent, long bytesRead, long totalBytes) {
        int filled = percent * WIDTH / 100;
        return String.format(
                Locale.ROOT,
                "%-16s [%s%s] %3d%% %7.1f of %.1f MB",
                file,
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                percent,
                bytesRead / MB,
                totalBytes / MB);
    }
}
