package com.mt5bridge.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the process while open, as the text an operator would read (message and key-values). */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger lowered;
  private Level before;

  public CapturedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  /** Also the INFO lines of {@code source}, which the tests' configuration leaves out, until closed. */
  public static CapturedLogs withInfoOf(Class<?> source) {
    CapturedLogs logs = new CapturedLogs();
    logs.lowered = (Logger) LoggerFactory.getLogger(source);
    logs.before = logs.lowered.getLevel();
    logs.lowered.setLevel(Level.INFO);
    return logs;
  }

  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(CapturedLogs::text).toList();
    }
  }

  private static String text(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
    }
    if (event.getThrowableProxy() != null) {
      line.append(' ').append(event.getThrowableProxy().getMessage());
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (lowered != null) {
      lowered.setLevel(before);
    }
    root.detachAppender(appender);
  }
}
