package com.mt5bridge.app;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the bridge from the environment; a bad setting or a failed start is one line, not a stack trace. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromEnv(System.getenv());
    } catch (ConfigException e) {
      System.err.println("mt5-bridge: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    try {
      Bridge bridge = Bridge.start(settings, InstantSource.system(), System.out);
      Runtime.getRuntime().addShutdownHook(new Thread(bridge::close, "shutdown"));
    } catch (ConfigException e) {
      System.err.println("mt5-bridge: configuration error: " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      log.debug("start failed", e);
      System.err.println("mt5-bridge: cannot start: " + oneLine(e));
      System.exit(1);
    }
  }

  private static String oneLine(Throwable e) {
    StringBuilder line = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
        line.append(": ").append(cause.getMessage());
      }
    }
    return line.toString().replace('\n', ' ');
  }
}
