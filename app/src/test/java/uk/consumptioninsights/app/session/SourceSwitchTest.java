package uk.consumptioninsights.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.SourceException;

class SourceSwitchTest {

    private final List<String> events = new ArrayList<>();

    private SourceSwitch.Opening<String> opening(String name, Runnable whileOpen, boolean describeFails) {
        return new SourceSwitch.Opening<>("Opening " + name, progress -> {
            events.add("open " + name);
            whileOpen.run();
            return name;
        }, opened -> {
            if (describeFails) {
                throw new SourceException("The descriptor of " + opened + " could not be read.");
            }
            FakeSource source = new FakeSource();
            return OpenedSource.of(source, () -> events.add("release " + opened));
        }, opened -> events.add("discard " + opened));
    }

    private SourceSwitch.Outcome<String> outcome(String name) {
        return SourceSwitch.Outcome.of((opened, source) -> events.add("shown " + opened),
                error -> events.add("failed " + name + ": " + error.getMessage()),
                () -> events.add("cancelled " + name));
    }

    @Test
    void theNewestOpeningWinsAndTheOvertakenOneIsNeverShown() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        SourceSwitch sources = new SourceSwitch(runner);
        sources.showIn((next, isDefault) -> events.add("handed over"));

        sources.open(opening("a.csv", () -> { }, false), outcome("a.csv"));
        sources.open(opening("share", () -> { }, false), outcome("share"));
        runner.runAll();

        assertThat(events).containsExactly("cancelled a.csv", "open share", "handed over", "shown share");
        assertThat(sources.preparingProperty().get()).isFalse();
        assertThat(sources.shownProperty().get()).isNotNull();
    }

    @Test
    void whatOpensAfterTheUserCancelledIsDiscardedNotShown() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        SourceSwitch sources = new SourceSwitch(runner);
        sources.showIn((next, isDefault) -> events.add("handed over"));

        sources.open(opening("a.csv", runner::cancelAll, false), outcome("a.csv"));

        assertThat(events).containsExactly("open a.csv", "discard a.csv", "cancelled a.csv");
        assertThat(sources.shownProperty().get()).isNull();
        assertThat(sources.preparingProperty().get()).as("the preparation is over, with nothing shown").isFalse();
    }

    @Test
    void aSourceThatOpenedButCouldNotBeDescribedIsDiscarded() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        SourceSwitch sources = new SourceSwitch(runner);

        sources.open(opening("a.csv", () -> { }, true), outcome("a.csv"));

        assertThat(events).containsExactly("open a.csv", "discard a.csv",
                "failed a.csv: The descriptor of a.csv could not be read.");
        assertThat(sources.shownProperty().get()).isNull();
    }

    @Test
    void whenPreparedWaitsForTheFirstSource() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        SourceSwitch sources = new SourceSwitch(runner);
        sources.open(opening("local", () -> { }, false), outcome("local"));
        sources.whenPrepared(() -> events.add("prepared"));

        assertThat(events).isEmpty();
        runner.runAll();

        assertThat(events).containsExactly("open local", "prepared", "shown local");
        sources.whenPrepared(() -> events.add("at once"));
        assertThat(events).endsWith("at once");
    }
}
