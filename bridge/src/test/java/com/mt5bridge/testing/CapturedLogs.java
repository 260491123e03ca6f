package com.mt5bridge.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the process while open, as the text an operator would read (message and key-values). */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLogs() {
    appender.start();
    root.addAppender(appender);
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
    root.detachAppender(appender);
  }
}
