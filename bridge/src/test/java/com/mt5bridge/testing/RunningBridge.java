package com.mt5bridge.testing;

import com.mt5bridge.app.Bridge;
import com.mt5bridge.app.Settings;
import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.webhook.WebhookSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** The whole bridge, started in-process on a free port against a given database. */
public final class RunningBridge implements AutoCloseable {

  public static final String TOKEN = "test-admin-token-0123456789";

  private final Bridge bridge;
  private final Http http;

  private RunningBridge(Bridge bridge) {
    this.bridge = bridge;
    this.http = new Http(bridge.port(), TOKEN);
  }

  public static RunningBridge start(String jdbcUrl) {
    return start(jdbcUrl, InstantSource.system());
  }

  public static RunningBridge start(String jdbcUrl, InstantSource clock) {
    return start(jdbcUrl, clock, WebhookSettings.DEFAULT);
  }

  public static RunningBridge start(String jdbcUrl, InstantSource clock, WebhookSettings webhooks) {
    Settings settings = new Settings("127.0.0.1", 0, dataDir(),
        new DatabaseSettings.External(jdbcUrl, "root", "", 8), Optional.of(TOKEN), true, 2, webhooks);
    Bridge bridge = Bridge.start(settings, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    if (!bridge.awaitReady(Duration.ofSeconds(30))) {
      bridge.close();
      throw new AssertionError("the bridge did not become ready");
    }
    return new RunningBridge(bridge);
  }

  /**
   * The bridge on {@code jdbcUrl} as its {@code main} starts it, returned at once: listening, but not
   * necessarily ready (the test looks at the start-up itself).
   */
  public static Bridge launch(String jdbcUrl) {
    Settings settings = new Settings("127.0.0.1", 0, dataDir(), new DatabaseSettings.External(jdbcUrl, "root", "", 4),
        Optional.of(TOKEN), true, 1, WebhookSettings.DEFAULT);
    return Bridge.start(settings, InstantSource.system(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  public static Path dataDir() {
    return Path.of("target", "bridge-data", UUID.randomUUID().toString().substring(0, 8));
  }

  public Http http() {
    return http;
  }

  public int port() {
    return bridge.port();
  }

  @Override
  public void close() {
    bridge.close();
  }
}
