package uk.consumptioninsights.cli;

/** An argument that parses but cannot be used (a missing file, a purpose the source does not answer for): exit 2. */
final class BadArgument extends RuntimeException {

    BadArgument(String message) {
        super(message);
    }
}
