package com.mt5bridge.strategy;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.TradeHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each strategy's realized result for the current UTC day of its account's clock: profit,
 * commission and swap of its deals (by magic). Read the first time from the deal history, then
 * kept up to date from the committed batches. An account's entries are only ever touched by that
 * account's own thread (the signal turn and the batch listener both run there).
 */
public final class DailyResults {

  private final TradeHistory history;
  private final Map<Key, Day> days = new ConcurrentHashMap<>();

  private record Key(String account, long magic) {}

  private static final class Day {
    final LocalDate date;
    BigDecimal realized;

    Day(LocalDate date, BigDecimal realized) {
      this.date = date;
      this.realized = realized;
    }
  }

  public DailyResults(TradeHistory history) {
    this.history = history;
  }

  /** The realized result of the strategy's deals since 00:00 UTC of {@code now}'s day. */
  public BigDecimal today(String account, long magic, Instant now) {
    LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Key key = new Key(account, magic);
    Day day = days.get(key);
    if (day == null || !day.date.equals(date)) {
      Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
      day = new Day(date, history.realized(account, magic, start));
      days.put(key, day);
    }
    return day.realized;
  }

  /** Adds committed deals to the days already read (the others are read from history when asked). */
  public void onBatch(AccountEvent.Batch batch) {
    for (AccountEvent event : batch.events()) {
      if (event instanceof AccountEvent.DealAdded added && added.deal().magic() != 0) {
        Deal deal = added.deal();
        Day day = days.get(new Key(batch.account(), deal.magic()));
        if (day != null && day.date.equals(LocalDate.ofInstant(deal.time(), ZoneOffset.UTC))) {
          day.realized = day.realized.add(deal.profit()).add(deal.commission()).add(deal.swap());
        }
      }
    }
  }
}
