package uk.consumptioninsights.model.meter;

import java.util.Optional;

/**
 * The 13-digit MPAN core: distributor id (2 digits), unique number (10 digits), check digit.
 * Kept as a string because an MPAN is an identifier, never a number.
 */
public record Mpan(String core) {

    /** Prime weights for digits 1..12; 11 is skipped because the sum is taken mod 11. */
    private static final int[] WEIGHTS = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};

    static final int FIRST_DISTRIBUTOR_ID = 10;
    /** DNOs are 10..23, IDNOs 24..38. */
    static final int LAST_DISTRIBUTOR_ID = 38;
    static final long MAX_UNIQUE_ID = 9_999_999_999L;

    private static final int CORE_LENGTH = 13;
    private static final String MASK = "\u2022".repeat(7);

    public Mpan {
        String problem = problemWith(core);
        if (problem != null) {
            throw new InvalidMpanException(problem);
        }
    }

    /** Accepts a core as printed on a bill, e.g. "19 0123 4567 899" or "19-0123-4567-899". */
    public static Mpan parse(String text) {
        if (text == null) {
            throw new InvalidMpanException(
                    "MPAN is missing. Enter the 13-digit core from the bottom row of the bill.");
        }
        return new Mpan(text.replace(" ", "").replace("-", ""));
    }

    /** True when {@code new Mpan(core)} would succeed: format, check digit and distributor id. */
    public static boolean isValidCore(String core) {
        return problemWith(core) == null;
    }

    /** The check digit for the first 12 digits of a core: weighted sum mod 11, then mod 10. */
    public static int checkDigit(String first12Digits) {
        if (first12Digits == null || first12Digits.length() != 12 || !allDigits(first12Digits)) {
            throw new IllegalArgumentException("A check digit needs exactly 12 digits, got '"
                    + first12Digits + "'.");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (sum % 11) % 10;
    }

    /** Builds a valid core from a distributor id (10..38) and a unique number (0..9 999 999 999). */
    public static Mpan of(int distributorId, long uniqueId) {
        if (distributorId < FIRST_DISTRIBUTOR_ID || distributorId > LAST_DISTRIBUTOR_ID) {
            throw new InvalidMpanException("Distributor id " + distributorId
                    + " is not a known DNO (10-23) or IDNO (24-38) id.");
        }
        if (uniqueId < 0 || uniqueId > MAX_UNIQUE_ID) {
            throw new InvalidMpanException("MPAN unique number " + uniqueId
                    + " is out of range: it must be 0 to 9999999999 (10 digits).");
        }
        String first12 = String.format("%02d%010d", distributorId, uniqueId);
        return new Mpan(first12 + checkDigit(first12));
    }

    public int distributorId() {
        return Integer.parseInt(core.substring(0, 2));
    }

    /** Empty for IDNO supplies: an IDNO works in many GSP groups, so registration data must say which. */
    public Optional<GspGroup> gspGroup() {
        return GspGroup.forDistributorId(distributorId());
    }

    /** For screens and logs where the full core must not appear, e.g. "19•••••••7899". */
    public String masked() {
        return core.substring(0, 2) + MASK + core.substring(CORE_LENGTH - 4);
    }

    @Override
    public String toString() {
        return core;
    }

    private static String problemWith(String core) {
        if (core == null) {
            return "MPAN is missing. Enter the 13-digit core from the bottom row of the bill.";
        }
        if (!allDigits(core)) {
            return "MPAN '" + core + "' contains characters other than digits. "
                    + "Enter only the 13-digit core from the bottom row of the bill.";
        }
        if (core.length() != CORE_LENGTH) {
            return "MPAN '" + core + "' has " + core.length() + " digits but a core has 13. "
                    + "Enter the whole bottom row of the bill, without the 8-character top line.";
        }
        int expected = checkDigit(core.substring(0, 12));
        int found = core.charAt(12) - '0';
        if (expected != found) {
            return "MPAN '" + core + "' fails its check digit: expected " + expected + ", found " + found
                    + ". Check the 13-digit core on the bill.";
        }
        int distributorId = Integer.parseInt(core.substring(0, 2));
        if (distributorId < FIRST_DISTRIBUTOR_ID || distributorId > LAST_DISTRIBUTOR_ID) {
            return "MPAN '" + core + "' starts with distributor id " + distributorId
                    + ", which is not a known DNO (10-23) or IDNO (24-38). Check the first two digits.";
        }
        return null;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
