package uk.consumptioninsights.dataaccess.octopus;

import java.util.Objects;
import java.util.regex.Pattern;
import uk.consumptioninsights.model.meter.Mpan;

/**
 * A household's electricity meter as the Octopus Energy API addresses it: the MPAN (13-digit core) and the meter's
 * serial number, both printed on the bill. The MPAN is the user's own, shown raw only for the Settlement purpose.
 */
public record OctopusMeter(Mpan mpan, String serialNumber) {

    /** Serials are letters and digits (e.g. 21E1234567); anything else would change the request path. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9]{1,40}");

    public OctopusMeter {
        Objects.requireNonNull(mpan, "mpan");
        Objects.requireNonNull(serialNumber, "serialNumber");
        serialNumber = serialNumber.strip();
        if (!SERIAL.matcher(serialNumber).matches()) {
            throw new IllegalArgumentException("The meter serial number must be letters and digits only, as printed on "
                    + "your bill (for example 21E1234567).");
        }
    }

    /** Parses what a user typed, with a message naming the problem when the MPAN or serial is not valid. */
    public static OctopusMeter of(String mpan, String serialNumber) {
        return new OctopusMeter(Mpan.parse(mpan), serialNumber);
    }

    /** The account name this meter's API key is stored under in the credential store. */
    String credentialAccount() {
        return mpan.core() + "/" + serialNumber;
    }
}
