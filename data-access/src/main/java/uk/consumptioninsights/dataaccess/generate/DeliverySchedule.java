package uk.consumptioninsights.dataaccess.generate;

/**
 * How a meter-day reaches bronze, as real half-hourly feeds behave: most arrive once the next morning; some are
 * delivered twice; some arrive first as an estimate and are re-published with actuals; some arrive late, inside or
 * beyond the 48-hour watermark.
 */
enum DeliverySchedule {
    ON_TIME,
    DUPLICATED,
    ESTIMATE_THEN_ACTUAL,
    LATE_WITHIN_WATERMARK,
    CORRECTION_AFTER_WATERMARK;

    static DeliverySchedule draw(double u) {
        if (u < 0.010) {
            return DUPLICATED;
        }
        if (u < 0.030) {
            return ESTIMATE_THEN_ACTUAL;
        }
        if (u < 0.036) {
            return LATE_WITHIN_WATERMARK;
        }
        if (u < 0.039) {
            return CORRECTION_AFTER_WATERMARK;
        }
        return ON_TIME;
    }
}
