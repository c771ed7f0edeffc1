package uk.consumptioninsights.dataaccess.export;

import java.util.Locale;

/** The file formats a table is exported as. */
public enum ExportFormat {
    CSV,
    PARQUET;

    /** The usual file ending, e.g. ".parquet". */
    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }
}
