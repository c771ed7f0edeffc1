package uk.consumptioninsights.dataaccess.sharing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J provider that keeps every log event of every level, formatted with its arguments and any
 * exception's full stack trace, so tests can prove a secret never reaches a log at any level. The data-access module
 * has no logging backend on its test class path, so this is the one provider found there.
 */
public final class CapturedLogs implements SLF4JServiceProvider {

    private static final int KEEP = 50_000;
    private static final Deque<String> EVENTS = new ArrayDeque<>();
    private static volatile boolean installed;

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);

    /** True when SLF4J picked this provider, i.e. the capture sees everything that is logged. */
    public static boolean installed() {
        org.slf4j.LoggerFactory.getLogger(CapturedLogs.class);
        return installed;
    }

    public static synchronized void clear() {
        EVENTS.clear();
    }

    public static synchronized List<String> events() {
        return new ArrayList<>(EVENTS);
    }

    public static String all() {
        return String.join("\n", events());
    }

    private static synchronized void record(String event) {
        if (EVENTS.size() >= KEEP) {
            EVENTS.removeFirst();
        }
        EVENTS.addLast(event);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        installed = true;
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            StringBuilder event = new StringBuilder(level + " " + name + " - "
                    + MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                event.append('\n').append(trace);
            }
            record(event.toString());
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
