package uk.consumptioninsights.dataaccess.export;

/** A column of an exported table: its name as written, and its type. */
public record ExportColumn(String name, ColumnType type) {

    public static ExportColumn text(String name) {
        return new ExportColumn(name, ColumnType.TEXT);
    }

    public static ExportColumn whole(String name) {
        return new ExportColumn(name, ColumnType.WHOLE);
    }

    public static ExportColumn decimal(String name) {
        return new ExportColumn(name, ColumnType.DECIMAL);
    }

    public static ExportColumn date(String name) {
        return new ExportColumn(name, ColumnType.DATE);
    }

    public static ExportColumn timestamp(String name) {
        return new ExportColumn(name, ColumnType.TIMESTAMP);
    }
}
