package io.basira.server.platform.errors;

import java.util.List;

/** Request records that did not parse; each problem names the record and field. */
public final class InvalidRecords extends RuntimeException {
    /** Problems listed in an answer at most; the rest are only counted. */
    public static final int LISTED = 100;

    private static final long serialVersionUID = 1L;
    private final List<String> problems;
    private final int total;

    public InvalidRecords(List<String> problems) {
        this(problems, problems.size());
    }

    /** @param problems the first problems (those kept), @param total how many there were in all */
    public InvalidRecords(List<String> problems, int total) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public List<String> problems() {
        return problems;
    }

    public int total() {
        return total;
    }
}
