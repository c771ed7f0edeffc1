package uk.consumptioninsights.dataaccess.sharing.schema;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;

/**
 * A file's value for one partition column, typed as the schema says. Parquet files usually lack partition columns,
 * so a reader adds each as a constant: {@link #value()} as a Java value (null for SQL NULL) and {@link #sqlLiteral()}
 * as a typed DuckDB literal. Delta serialises values as strings; an empty string means NULL; timestamps are
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in UTC (an ISO {@code T} form and offsets are accepted too).
 *
 * @param value  String, Integer, Long, Short, Byte, Float, Double, BigDecimal, Boolean, LocalDate, Instant
 *               (timestamp) or LocalDateTime (timestamp_ntz); null for NULL
 * @param sqlLiteral e.g. {@code CAST('2024-03-31' AS DATE)} or {@code CAST(NULL AS DATE)}
 */
public record PartitionValue(DeltaColumn column, Object value, String sqlLiteral) {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /** The file's value for each of the table's partition columns, in the table's partition column order. */
    public static List<PartitionValue> forFile(TableMetadata metadata, SharedFile file) {
        List<PartitionValue> values = new ArrayList<>();
        for (String name : metadata.partitionColumns()) {
            DeltaColumn column = metadata.column(name).orElseThrow(() -> SharingException.of(Category.PROTOCOL,
                    "The table's partition column '" + name + "' is not in its schema. Tell your data provider."));
            values.add(parse(column, rawValue(file.partitionValues(), column.name())));
        }
        return values;
    }

    /** Looks the column up as written, then ignoring case; a missing value is NULL. */
    private static String rawValue(Map<String, String> values, String column) {
        String exact = values.get(column);
        if (exact != null) {
            return exact;
        }
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** @param raw the serialised value; null or "" means NULL */
    public static PartitionValue parse(DeltaColumn column, String raw) {
        if (!column.supported() || column.deltaType().equals("binary") || column.duckdbType().endsWith("]")
                || column.duckdbType().startsWith("STRUCT") || column.duckdbType().startsWith("MAP")) {
            throw SharingException.of(Category.UNSUPPORTED, "The partition column '" + column.name() + "' has type "
                    + column.deltaType() + ", which the workbench cannot use as a partition value.");
        }
        String type = column.duckdbType();
        if (raw == null || raw.isEmpty()) {
            return new PartitionValue(column, null, "CAST(NULL AS " + type + ")");
        }
        Object value = typed(column, raw).orElseThrow(() -> SharingException.of(Category.PROTOCOL,
                "The sharing server sent the partition value '" + shorten(raw) + "' for column '" + column.name()
                        + "' (" + column.deltaType() + "), which is not a valid " + column.deltaType()
                        + ". Tell your data provider."));
        return new PartitionValue(column, value, "CAST(" + quote(text(value)) + " AS " + type + ")");
    }

    private static Optional<Object> typed(DeltaColumn column, String raw) {
        String s = raw.trim();
        try {
            return Optional.ofNullable(switch (column.deltaType()) {
                case "string" -> raw;
                case "long", "bigint" -> Long.parseLong(s);
                case "integer", "int" -> Integer.parseInt(s);
                case "short", "smallint" -> Short.parseShort(s);
                case "byte", "tinyint" -> Byte.parseByte(s);
                case "float" -> Float.parseFloat(s);
                case "double" -> Double.parseDouble(s);
                case "boolean" -> bool(s);
                case "date" -> LocalDate.parse(s);
                case "timestamp" -> TimestampText.parse(s).map(PartitionValue::instant).orElse(null);
                case "timestamp_ntz" -> TimestampText.parse(s).map(PartitionValue::wallClock).orElse(null);
                default -> column.deltaType().startsWith("decimal") ? decimal(column, s)
                        : column.duckdbType().equals("VARCHAR") ? raw : null;
            });
        } catch (NumberFormatException | DateTimeException e) {
            // DateTimeException covers parse errors and instants beyond what a date-time can be written as.
            return Optional.empty();
        }
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * The value when the column can hold it exactly: at most its scale of decimals and its precision less scale of
     * integer digits, counted in long (an exponent near Integer.MAX_VALUE overflows int). Returned without trailing
     * zeros, so that writing it out costs no more than its digits ("0E-999999999" is "0", not a billion zeros).
     */
    private static BigDecimal decimal(DeltaColumn column, String s) {
        BigDecimal value = new BigDecimal(s).stripTrailingZeros();
        DecimalType type = DecimalType.parse(column.deltaType()).orElseThrow();
        long integerDigits = (long) value.precision() - value.scale();
        return value.scale() > type.scale() || integerDigits > type.precision() - type.scale() ? null : value;
    }

    /** Delta writes timestamps without a zone in UTC. An instant no UTC date-time can show is refused (DateTimeException). */
    private static Instant instant(TemporalAccessor parsed) {
        Instant instant = parsed instanceof OffsetDateTime offset ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        instant.atOffset(ZoneOffset.UTC);
        return instant;
    }

    private static LocalDateTime wallClock(TemporalAccessor parsed) {
        return parsed instanceof OffsetDateTime offset ? offset.toLocalDateTime() : (LocalDateTime) parsed;
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return MICROS.format(instant.atOffset(ZoneOffset.UTC)) + "+00";
        }
        if (value instanceof LocalDateTime wallClock) {
            return MICROS.format(wallClock);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
