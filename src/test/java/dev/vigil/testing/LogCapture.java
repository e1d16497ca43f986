package dev.vigil.testing;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.StringWriter;

/**
 * Captures every log line (INFO and above, all loggers: Flink's and Vigil's) written while it is open,
 * so a test can check what a job logs.
 */
public final class LogCapture implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final WriterAppender appender;
    private final Level previousLevel;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder()
                .setName("capture-" + System.identityHashCode(this))
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c{1} %m%n%throwable").build())
                .build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        previousLevel = root.getLevel();
        root.addAppender(appender, Level.INFO, null);
        if (previousLevel.isMoreSpecificThan(Level.INFO)) {
            // Keep the console as quiet as before: only this appender gets the INFO lines.
            root.getAppenders().forEach((name, a) -> {
                if (a != appender) {
                    root.removeAppender(name);
                    root.addAppender(a, previousLevel, null);
                }
            });
            root.setLevel(Level.INFO);
        }
        context.updateLoggers();
    }

    /** Everything captured so far. */
    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(previousLevel);
        context.updateLoggers();
        appender.stop();
    }
}
