package com.mt5bridge.app;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the bridge from the environment; a bad setting or a failed start is one line, not a stack trace. */
public final class Main {

  private Main() {}

  /** The JDK's setting for how many carrier threads run virtual threads. */
  static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

  public static void main(String[] args) {
    // Before the first virtual thread exists: the scheduler reads it once.
    System.setProperty(CARRIERS, carriers(System.getProperty(CARRIERS), Runtime.getRuntime().availableProcessors()));
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

  /**
   * Virtual threads (the HTTP handlers) get one carrier thread fewer than there are cores, unless
   * the operator set {@value #CARRIERS}: the account threads, the journal writers and often MariaDB
   * need the rest. On two cores, waking a second carrier for each request cost more than it gave
   * (BENCHMARKS.md, section 3).
   */
  static String carriers(String configured, int cores) {
    return configured != null ? configured : String.valueOf(Math.max(1, cores - 1));
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
