package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.strategy.Strategies;
import com.mt5bridge.strategy.Strategy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Whether a strategy takes a signal from this sender now: the address allowlist (403), the secret
 * (401), the kill switch and the strategy's pause (403), its rate (429), in that order: an address
 * that is not allowed learns nothing about the secret.
 */
final class Admission {

  private final Strategies strategies;
  private final RateLimiter rateLimiter = new RateLimiter();

  Admission(Strategies strategies) {
    this.strategies = strategies;
  }

  /** @param entry marked authenticated once the secret is shown, whatever is refused after it */
  void admit(Strategy strategy, RawAlert raw, String querySecret, InetAddress client, JournalEntry entry) {
    if (!strategy.allowedIps().permits(client)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "address " + (client == null ? "(unknown)" : client.getHostAddress())
          + " may not send signals for strategy " + strategy.id(), null);
    }
    verify(strategy, raw, querySecret, entry);
    Duration wait = rateLimiter.admit(strategy.id(), strategy.limits().maxSignalsPerMinute());
    if (wait.isPositive()) {
      long seconds = wait.plusMillis(999).toSeconds();
      throw ApiException.rateLimited("strategy " + strategy.id() + " sends more than "
          + strategy.limits().maxSignalsPerMinute() + " signals a minute; the next is accepted in " + seconds + " s",
          seconds);
    }
  }

  /** The secret, the kill switch and the strategy's pause: what a preview is checked for as well. */
  void verify(Strategy strategy, RawAlert raw, String querySecret, JournalEntry entry) {
    authenticate(strategy, raw, querySecret);
    entry.authenticated = true;
    if (strategies.tradingPaused()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "trading is paused by the kill switch (POST /api/resume ends it)",
          null);
    }
    if (!strategy.enabled()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "strategy " + strategy.id() + " is paused", "strategy");
    }
  }

  /** The secret from the body or the URL (both, if given, must agree), checked against the stored hash. */
  private static void authenticate(Strategy strategy, RawAlert raw, String querySecret) {
    RawAlert.Field field = raw.fields().get("secret");
    String bodySecret = field != null && field.value() instanceof String text ? text.strip() : null;
    if (field != null && bodySecret == null) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the secret must be text", "secret");
    }
    // A secret holds no spaces (StrategyJson refuses them): one pasted with a space around it is still it.
    String urlSecret = querySecret == null ? null : querySecret.strip();
    if (bodySecret != null && urlSecret != null && !MessageDigest.isEqual(
        bodySecret.getBytes(StandardCharsets.UTF_8), urlSecret.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the secret in the URL and the one in the message differ",
          "secret");
    }
    String secret = urlSecret != null ? urlSecret : bodySecret;
    if (secret == null || secret.isEmpty()) {
      throw new ApiException(ErrorCode.UNAUTHORIZED,
          "the alert has no secret: put \"secret\" in the message or ?secret= on the URL", "secret");
    }
    if (!strategy.secretHash().matches(secret)) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the secret is not strategy " + strategy.id() + "'s", "secret");
    }
  }
}
