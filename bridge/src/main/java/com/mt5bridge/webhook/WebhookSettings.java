package com.mt5bridge.webhook;

import com.mt5bridge.strategy.IpRange;
import java.time.Duration;
import java.util.List;

/**
 * @param answerWithin how long a webhook waits for its account before answering PENDING
 *     (TradingView gives up after 3 s)
 * @param duplicateWindow an alert without id and time is a duplicate of the same body within this window
 * @param trustedProxies proxies whose X-Forwarded-For is believed
 * @param entryMaxDelay the longest a signal, or an order sent through the API, may wait for its account and
 *     still open a trade (0: no limit)
 */
public record WebhookSettings(Duration answerWithin, Duration duplicateWindow, List<IpRange> trustedProxies,
    Duration entryMaxDelay) {

  public static final Duration DEFAULT_ENTRY_MAX_DELAY = Duration.ofSeconds(30);

  public static final WebhookSettings DEFAULT =
      new WebhookSettings(Duration.ofMillis(2500), Duration.ofSeconds(10), List.of());

  public WebhookSettings(Duration answerWithin, Duration duplicateWindow, List<IpRange> trustedProxies) {
    this(answerWithin, duplicateWindow, trustedProxies, DEFAULT_ENTRY_MAX_DELAY);
  }
}
