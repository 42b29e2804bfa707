package io.basira.server.csvimport;

import java.util.List;

/**
 * The outcome of reading one import folder: a report per canonical file, in reading order, and the
 * errors found, in the order they were found.
 *
 * <p>{@code errors} holds at most the reader's error limit; {@code errorCount} counts every error,
 * so {@code errorCount - errors.size()} were left out to keep memory bounded on a file that is bad
 * throughout.
 */
public record ImportReport(List<FileReport> files, List<RowError> errors, long errorCount) {

    public ImportReport {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
        if (errorCount < errors.size()) {
            throw new IllegalArgumentException("errorCount " + errorCount + " < " + errors.size() + " errors listed");
        }
    }

    /** Whether any row or file had a problem: under the all-or-nothing policy, nothing is applied. */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /**
     * Whether every required file was there and every present file was read to its end. When false,
     * even {@code --skip-invalid} must not apply the good rows: whole files (or their tails) were not
     * understood, so the good rows are not the whole story.
     */
    public boolean isComplete() {
        return files.stream().allMatch(FileReport::complete);
    }

    /** How many errors were counted but not listed. */
    public long errorsLeftOut() {
        return errorCount - errors.size();
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileReport::rowsRead).sum();
    }

    public long imported() {
        return files.stream().mapToLong(FileReport::imported).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileReport::rejected).sum();
    }
}
