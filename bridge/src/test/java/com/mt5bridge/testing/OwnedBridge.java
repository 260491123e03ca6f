package com.mt5bridge.testing;

import com.mt5bridge.webhook.WebhookSettings;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole bridge on a MariaDB server the test class owns, so that the test can stop, start or
 * freeze the server under it. Both are stopped after the class.
 *
 * <pre>{@code @RegisterExtension static final OwnedBridge owned = new OwnedBridge();}</pre>
 */
public final class OwnedBridge implements BeforeAllCallback, AfterAllCallback {

  private final WebhookSettings webhooks;
  private OwnedMariaDb mariadb;
  private RunningBridge bridge;

  public OwnedBridge() {
    this(WebhookSettings.DEFAULT);
  }

  public OwnedBridge(WebhookSettings webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    mariadb = new OwnedMariaDb();
    bridge = RunningBridge.start(mariadb.jdbcUrl("bridge"), InstantSource.system(), webhooks);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (bridge != null) {
        bridge.close();
      }
    } finally {
      mariadb.close();
    }
  }

  public OwnedMariaDb mariadb() {
    return mariadb;
  }

  public Http http() {
    return bridge.http();
  }
}
