package com.mt5bridge.strategy;

import static com.mt5bridge.broker.EntryDelay.seconds;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.EntryDelay;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradingDesk;
import java.math.BigDecimal;
import java.time.Duration;

/** A strategy's {@link Limits}, checked against the account before an order that adds exposure is sent. */
final class RiskLimits {

  private final DailyResults daily;
  private final EntryDelay entryDelay;

  RiskLimits(DailyResults daily, EntryDelay entryDelay) {
    this.daily = daily;
    this.entryDelay = entryDelay;
  }

  /**
   * @param opening the lots the signal adds (a reversal counts its new side only)
   * @param newSlot whether it takes a new position or pending order slot
   */
  void check(TradingDesk desk, Strategy strategy, Signal signal, SymbolSpec spec, OrderType.Kind kind,
      BigDecimal opening, boolean newSlot) {
    Limits limits = strategy.limits();
    // Planned when its turn comes: behind a commit the database holds up (a backup, a full disk, a
    // network cut) that may be minutes or hours after the alert was answered PENDING.
    Duration waited = entryDelay.waited(signal.received());
    if (entryDelay.tooLong(waited)) {
      throw ApiException.unavailable("not carried out: the signal waited " + seconds(waited) + " s for its account "
          + "(the database took no writes meanwhile), more than the bridge's "
          + "BRIDGE_ENTRY_MAX_DELAY_SECONDS (" + entryDelay.max().toSeconds() + "); an entry this late is not made "
          + "(closing is still allowed): send it again if it still holds");
    }
    if (limits.maxSignalAgeSeconds() > 0) {
      checkAge(signal.age(), waited, limits.maxSignalAgeSeconds());
    }
    if (limits.maxVolume().signum() > 0 && opening.compareTo(limits.maxVolume()) > 0) {
      throw refused("volume", "the signal opens " + opening.stripTrailingZeros().toPlainString() + " lots; the strategy's maxVolume is "
          + limits.maxVolume().toPlainString());
    }
    Selection own = new Selection(null, null, strategy.magic());
    if (limits.maxPositions() > 0 && newSlot) {
      int held = desk.positions(own).size() + desk.orders(own).size();
      if (held >= limits.maxPositions()) {
        throw refused("limits.maxPositions", "the strategy already holds " + held
            + " positions and pending orders; its maxPositions is " + limits.maxPositions());
      }
    }
    if (limits.maxSpreadPoints() > 0 && kind == OrderType.Kind.MARKET) {
      Tick quote = desk.price(spec.name()).orElseThrow();
      BigDecimal spread = quote.ask().subtract(quote.bid()).movePointRight(spec.digits());
      if (spread.compareTo(BigDecimal.valueOf(limits.maxSpreadPoints())) > 0) {
        throw refused("symbol", spec.name() + "'s spread is " + spread.stripTrailingZeros().toPlainString()
            + " points; the strategy's maxSpreadPoints is " + limits.maxSpreadPoints());
      }
    }
    if (limits.maxDailyLoss().signum() > 0) {
      BigDecimal result = StrategyDay.result(desk, strategy, daily);
      if (result.compareTo(limits.maxDailyLoss().negate()) <= 0) {
        throw refused("limits.maxDailyLoss", "the strategy is down " + result.negate().toPlainString() + " "
            + desk.currency() + " today; its maxDailyLoss is " + limits.maxDailyLoss().toPlainString()
            + " (closing is still allowed)");
      }
    }
  }

  /** How far ahead of its arrival an alert's time may be (the sender's and the bridge's clocks apart), at most. */
  private static final int MAX_AHEAD_SECONDS = 60;

  private static void checkAge(Duration age, Duration waited, int maxSeconds) {
    if (age == null) {
      throw refused("time", "the strategy's maxSignalAgeSeconds needs the alert's time (ISO-8601 with a zone, "
          + "such as 2026-11-22T06:40:00Z, or epoch seconds or milliseconds): add \"time\": \"{{timenow}}\" "
          + "to the message (time={{timenow}} in the text form)");
    }
    // Ahead of its arrival by more than clocks differ, the time is wrong (a local time sent as UTC, a
    // clock that is off), and every delivery, however late, would pass as fresh: the limit cannot hold.
    Duration ahead = age.negated();
    if (ahead.compareTo(Duration.ofSeconds(Math.min(maxSeconds, MAX_AHEAD_SECONDS))) > 0) {
      throw refused("time", "the alert's time is " + seconds(ahead) + " s after it arrived: an alert cannot fire "
          + "after it arrives, so its time is not UTC (a local time sent as UTC?) or its sender's clock is off, and the "
          + "strategy's maxSignalAgeSeconds (" + maxSeconds + ") cannot tell how old it is; send {{timenow}} "
          + "(closing is still allowed)");
    }
    // A wait under a second is the usual time to a turn, not a hold-up: counted from a second on.
    boolean heldUp = waited.compareTo(Duration.ofSeconds(1)) >= 0;
    Duration atTurn = heldUp ? age.plus(waited) : age;
    if (atTurn.compareTo(Duration.ofSeconds(maxSeconds)) > 0) {
      String when = heldUp
          ? seconds(atTurn) + " s before its turn came (it arrived after " + seconds(age) + " s and waited "
              + seconds(waited) + " s for its account)"
          : seconds(age) + " s before it arrived";
      throw refused("time", "the alert fired " + when + "; the strategy's maxSignalAgeSeconds is " + maxSeconds
          + " (closing is still allowed)");
    }
  }

  private static ApiException refused(String field, String message) {
    return new ApiException(ErrorCode.RISK_LIMIT, message, field);
  }
}
