package io.basira.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.basira.shared.Dates;
import io.basira.shared.Numerals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A canonical CSV folder (docs/import.md) as typed Parquet files, one {@code <name>.parquet} file per CSV file, with
 * the same columns: date-times as UTC timestamps in microseconds (text without an offset read in the store's zone,
 * as the import does), {@code birth_date} as a date, money and unit prices as {@code decimal(20,6)}, counts and
 * ratings as 32-bit integers, the rest (and every column of a file that is not a canonical one, such as the groups'
 * lists) as UTF-8 text; an empty cell is null. The types of basira-spark's own converter, so the job reads either.
 *
 * <p>Written with parquet-java's writer on a local file ({@link LocalOutputFile}, {@link PlainParquetConfiguration}):
 * no Hadoop at run time. Pages are not compressed (Parquet's compression codecs are Hadoop classes); dictionary and
 * run-length encodings still apply. Each file is streamed row by row (the writer holds one row group, 32 MB).
 */
public final class CanonicalParquet {

    static final Set<String> INSTANTS = Set.of("created_at", "updated_at", "added_at", "occurred_at");
    static final Set<String> DECIMALS = Set.of("total", "discount_total", "unit_price", "price");
    static final Set<String> WHOLE = Set.of("quantity", "items_count", "rating");
    static final int DECIMAL_PRECISION = 20;
    static final int DECIMAL_SCALE = 6;
    private static final int DECIMAL_BYTES = 9; // the least bytes holding 20 digits, as Spark writes it
    private static final long ROW_GROUP_BYTES = 32L * 1024 * 1024;

    private CanonicalParquet() {}

    /**
     * Converts every {@code .csv} file of {@code csvFolder} into {@code <name>.parquet} in {@code out} (created if
     * needed). @return the rows written, by CSV file name, in file-name order
     * @throws IllegalArgumentException for a cell the import would refuse, naming the file, row and column
     */
    public static Map<String, Long> write(Path csvFolder, ZoneId zone, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> files;
        try (var listed = Files.list(csvFolder)) {
            files = listed.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Path csv : files) {
            String name = csv.getFileName().toString();
            rows.put(name, file(csv, zone, out.resolve(name.substring(0, name.length() - 4) + ".parquet")));
        }
        return rows;
    }

    /** One CSV file as one Parquet file; @return the rows written */
    public static long file(Path csv, ZoneId zone, Path target) throws IOException {
        boolean canonical = false;
        for (CanonicalCsv file : CanonicalCsv.values()) {
            canonical |= file.fileName().equalsIgnoreCase(csv.getFileName().toString());
        }
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().ofCsvRecord(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            List<String> header = null;
            ParquetWriter<Group> writer = null;
            SimpleGroupFactory groups = null;
            long count = 0;
            try {
                for (CsvRecord record : reader) {
                    if (header == null) {
                        header = new ArrayList<>();
                        for (String column : record.getFields()) {
                            header.add(column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
                        }
                        MessageType schema = schema(header, canonical);
                        writer = writer(target, schema);
                        groups = new SimpleGroupFactory(schema);
                        continue;
                    }
                    if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
                        continue; // an empty line
                    }
                    Group row = groups.newGroup();
                    for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
                        String text = record.getField(i);
                        if (text == null || text.isBlank()) {
                            continue;
                        }
                        try {
                            put(row, header.get(i), canonical, text, zone);
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException(
                                    csv.getFileName() + ", line " + record.getStartingLineNumber() + ", column "
                                            + header.get(i) + ": '" + text + "': " + e.getMessage(),
                                    e);
                        }
                    }
                    writer.write(row);
                    count++;
                }
                if (header == null) {
                    throw new IllegalArgumentException(csv.getFileName() + " has no header");
                }
            } finally {
                if (writer != null) {
                    writer.close();
                }
            }
            return count;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ParquetWriter<Group> writer(Path target, MessageType schema) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(target))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    static MessageType schema(List<String> header, boolean canonical) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        Map<String, Integer> seen = new HashMap<>();
        for (String column : header) {
            if (seen.put(column, 1) != null) {
                throw new IllegalArgumentException("the column '" + column + "' is given twice");
            }
            if (canonical && INSTANTS.contains(column)) {
                message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(column);
            } else if (canonical && DECIMALS.contains(column)) {
                message.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                        .length(DECIMAL_BYTES)
                        .as(LogicalTypeAnnotation.decimalType(DECIMAL_SCALE, DECIMAL_PRECISION))
                        .named(column);
            } else if (canonical && WHOLE.contains(column)) {
                message.optional(PrimitiveTypeName.INT32).named(column);
            } else if (canonical && column.equals("birth_date")) {
                message.optional(PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.dateType())
                        .named(column);
            } else {
                message.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(column);
            }
        }
        return message.named("row");
    }

    private static void put(Group row, String column, boolean canonical, String text, ZoneId zone) {
        if (canonical && INSTANTS.contains(column)) {
            Instant instant = Dates.parseInstant(text, zone);
            row.append(column, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
        } else if (canonical && DECIMALS.contains(column)) {
            BigDecimal value = Numerals.decimal(text.strip());
            if (value == null) {
                throw new IllegalArgumentException("not a number");
            }
            row.append(
                    column,
                    Binary.fromConstantByteArray(fixed(value.setScale(DECIMAL_SCALE, RoundingMode.UNNECESSARY))));
        } else if (canonical && WHOLE.contains(column)) {
            Long value = Numerals.whole(text.strip(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (value == null) {
                throw new IllegalArgumentException("not a whole number");
            }
            row.append(column, value.intValue());
        } else if (canonical && column.equals("birth_date")) {
            row.append(column, (int) Dates.parseDate(text).toEpochDay());
        } else {
            row.append(column, text);
        }
    }

    /** The unscaled value as big-endian two's complement in {@value #DECIMAL_BYTES} bytes, sign-extended. */
    private static byte[] fixed(BigDecimal value) {
        if (value.precision() > DECIMAL_PRECISION) {
            throw new IllegalArgumentException("more than " + DECIMAL_PRECISION + " digits");
        }
        byte[] minimal = value.unscaledValue().toByteArray();
        byte[] bytes = new byte[DECIMAL_BYTES];
        byte fill = (byte) (value.signum() < 0 ? 0xFF : 0);
        int pad = DECIMAL_BYTES - minimal.length;
        for (int i = 0; i < DECIMAL_BYTES; i++) {
            bytes[i] = i < pad ? fill : minimal[i - pad];
        }
        return bytes;
    }
}
