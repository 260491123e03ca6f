package com.mt5bridge.strategy;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountListener;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.TradeHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each strategy's realized result for the current trading day of its account (the day of its
 * clock in the broker server's time zone, {@code AccountSettings.Policies.serverTimeZone}): profit,
 * commission and swap of its deals (by magic). Read once from the deal history, the first time a
 * strategy is asked about after start-up; from then on kept from the committed batches, across
 * midnight too, so a new day never waits for the database on the account's thread. That needs
 * every committed deal of an account asked about to reach {@link #committed}: SIM accounts' loops
 * hand over each batch; LIVE accounts will have to hand over their terminal's deals too. When an
 * account is rebuilt (a commit it was not told about may have landed), its strategies are read from
 * the history again. An account's entries are only ever touched by that account's own thread (the
 * signal turn and the listener both run there).
 */
public final class DailyResults implements AccountListener {

  private final TradeHistory history;
  private final Map<Key, Day> days = new ConcurrentHashMap<>();

  private record Key(String account, long magic) {}

  /**
   * The result of one strategy's deals on {@code date} (in {@code zone}, the account's server time);
   * every committed deal since it was read went into it.
   */
  private record Day(ZoneId zone, LocalDate date, BigDecimal realized) {}

  public DailyResults(TradeHistory history) {
    this.history = history;
  }

  /** Forgets what was kept of the account: its strategies are read from the history when next asked about. */
  @Override
  public void rebuilt(String account) {
    days.keySet().removeIf(key -> key.account().equals(account));
  }

  /** The realized result of the strategy's deals since midnight, in {@code serverTimeZone}, of {@code now}'s day. */
  public BigDecimal today(String account, long magic, Instant now, ZoneId serverTimeZone) {
    LocalDate date = LocalDate.ofInstant(now, serverTimeZone);
    Key key = new Key(account, magic);
    Day day = days.get(key);
    if (day == null || !day.zone().equals(serverTimeZone) || day.date().isAfter(date)) {
      day = new Day(serverTimeZone, date,
          history.realized(account, magic, date.atStartOfDay(serverTimeZone).toInstant()));
      days.put(key, day);
    } else if (day.date().isBefore(date)) {
      // A deal of a later day would have started that day (committed): the strategy has none today yet.
      day = new Day(serverTimeZone, date, BigDecimal.ZERO);
      days.put(key, day);
    }
    return day.realized();
  }

  /** Adds committed deals to the strategies already read; a deal of a later day starts that day. */
  @Override
  public void committed(AccountEvent.Batch batch) {
    for (AccountEvent event : batch.events()) {
      if (event instanceof AccountEvent.DealAdded added && added.deal().magic() != 0) {
        Deal deal = added.deal();
        Key key = new Key(batch.account(), deal.magic());
        Day day = days.get(key);
        if (day == null) {
          continue; // not asked about yet: read from the history when it is
        }
        LocalDate date = LocalDate.ofInstant(deal.time(), day.zone());
        BigDecimal result = deal.profit().add(deal.commission()).add(deal.swap());
        if (date.equals(day.date())) {
          days.put(key, new Day(day.zone(), date, day.realized().add(result)));
        } else if (date.isAfter(day.date())) {
          days.put(key, new Day(day.zone(), date, result));
        }
      }
    }
  }
}
