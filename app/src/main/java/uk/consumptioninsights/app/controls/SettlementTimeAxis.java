package uk.consumptioninsights.app.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * A time axis over UTC epoch seconds whose ticks sit on settlement-period boundaries and read "21 Nov SP1". Its range
 * is set from outside (the view-model's visible window), never auto-ranged.
 */
public final class SettlementTimeAxis extends ValueAxis<Number> {

    /** Room one tick label needs, in pixels, so labels never collide. */
    private static final double PIXELS_PER_TICK = 100;

    public SettlementTimeAxis() {
        setAutoRanging(false);
        setMinorTickVisible(false);
        setAnimated(false);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        int maxTicks = (int) Math.max(2, length / PIXELS_PER_TICK);
        return new ArrayList<>(SettlementTicks.ticks((long) bounds[0], (long) bounds[1], maxTicks));
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return SettlementTicks.label(value.longValue());
    }
}
