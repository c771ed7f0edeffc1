package uk.consumptioninsights.dataaccess.source;

import uk.consumptioninsights.model.meter.GspGroup;

/** Which consumption a chart shows. */
public sealed interface SeriesScope {

    String label();

    /** Every meter the role may see, summed. */
    record AllMeters() implements SeriesScope {
        @Override
        public String label() {
            return "All meters";
        }
    }

    /** The meters of one GSP group, summed. */
    record OneGspGroup(GspGroup group) implements SeriesScope {
        @Override
        public String label() {
            return "GSP group " + group.code() + " · " + group.region();
        }
    }

    /**
     * One meter, by the key the role sees it under: the MPAN for Settlement, the pseudonym for the others. Roles that
     * see aggregates only cannot ask for one meter.
     */
    record OneMeter(String meterKey, String displayLabel) implements SeriesScope {
        @Override
        public String label() {
            return displayLabel;
        }
    }
}
