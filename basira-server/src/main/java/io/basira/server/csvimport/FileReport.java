package io.basira.server.csvimport;

/**
 * What became of one file of the folder.
 *
 * @param file the canonical file name ({@code orders.csv})
 * @param present whether the folder holds the file
 * @param rowsRead data rows read (the header and empty lines are not rows)
 * @param imported rows that were valid and sent to the sink
 * @param rejected rows with at least one error; {@code imported + rejected == rowsRead}
 * @param complete false when the file could not be read to its end or at all (missing header column,
 *     broken quoting, bytes that are not UTF-8): its rows after that point were never seen
 */
public record FileReport(String file, boolean present, long rowsRead, long imported, long rejected, boolean complete) {

    public FileReport {
        if (imported + rejected != rowsRead) {
            throw new IllegalArgumentException(
                    file + ": imported " + imported + " + rejected " + rejected + " != rows read " + rowsRead);
        }
    }

    /** A file the folder lacks: complete (nothing was left unread) unless it was required. */
    static FileReport absent(CanonicalFile file) {
        return new FileReport(file.fileName(), false, 0, 0, 0, !file.required());
    }

    @Override
    public String toString() {
        if (!present) {
            return file + ": not in the folder";
        }
        return file + ": " + rowsRead + " rows read, " + imported + " imported, " + rejected + " rejected"
                + (complete ? "" : " (file not read to its end)");
    }
}
