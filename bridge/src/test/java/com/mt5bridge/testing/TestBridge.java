package com.mt5bridge.testing;

import com.mt5bridge.webhook.WebhookSettings;
import java.time.InstantSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database and the whole bridge running on it, for one test class, with a client and a
 * trading floor to drive it. Stopped and dropped after the class.
 *
 * <pre>{@code @RegisterExtension static final TestBridge bridge = new TestBridge(webhookSettings);}</pre>
 */
public final class TestBridge implements BeforeAllCallback, AfterAllCallback {

  private final TestDatabase db = new TestDatabase();
  private final WebhookSettings webhooks;
  private RunningBridge bridge;
  private TradingFloor floor;

  public TestBridge() {
    this(WebhookSettings.DEFAULT);
  }

  public TestBridge(WebhookSettings webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    db.beforeAll(context);
    bridge = RunningBridge.start(db.url(), InstantSource.system(), webhooks);
    floor = new TradingFloor(bridge.http());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (bridge != null) {
        bridge.close();
      }
    } finally {
      db.afterAll(context);
    }
  }

  public Http http() {
    return bridge.http();
  }

  public TradingFloor floor() {
    return floor;
  }

  /** The test database, for asserting on what the bridge stored. */
  public DSLContext dsl() {
    return db.dsl();
  }
}
