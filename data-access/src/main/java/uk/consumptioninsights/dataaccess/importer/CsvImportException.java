package uk.consumptioninsights.dataaccess.importer;

import java.io.IOException;

/** A file that cannot be imported; the message says what is wrong and what to do, ready to show to the analyst. */
public final class CsvImportException extends IOException {

    public CsvImportException(String message) {
        super(message);
    }

    public CsvImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
