package uk.consumptioninsights.dataaccess.importer;

/** One data line of a meter CSV after parsing: either a reading to import or a row rejected with its reason. */
public sealed interface ParsedLine permits MeterReading, RejectedRow {

    /** 1-based physical line in the file; the header is line 1. */
    long lineNumber();
}
