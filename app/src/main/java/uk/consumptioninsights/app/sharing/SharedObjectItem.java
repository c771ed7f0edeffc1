package uk.consumptioninsights.app.sharing;

import uk.consumptioninsights.dataaccess.governance.SharedObject;

/**
 * A table or view in a share, as the objects table lists it; {@code object} is what the governance source is asked
 * about when it is picked.
 */
public record SharedObjectItem(SharedObject object, String name, String type, String sharedFrom, String partitions) {

    @Override
    public String toString() {
        return name;
    }
}
