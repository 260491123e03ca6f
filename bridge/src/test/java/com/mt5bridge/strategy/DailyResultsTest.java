package com.mt5bridge.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.DealType;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.TradeHistory;
import com.mt5bridge.store.InMemoryJournal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A strategy's realized result today: read from the deal history once, then kept from the committed
 * deals, midnight included, without asking the history again. Results are profit + commission + swap.
 * The day is the broker server's: UTC's unless the account's policies name another time zone.
 */
class DailyResultsTest {

  private static final String ACCOUNT = "daily";
  private static final long MAGIC = 1001;
  private static final ZoneId UTC = ZoneOffset.UTC;
  /** Eastern European time, UTC+2 in November: the broker's day starts at 22:00 UTC. */
  private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

  private final InMemoryJournal journal = new InMemoryJournal();
  private final CountingHistory history = new CountingHistory(journal);
  private final DailyResults daily = new DailyResults(history);
  private long ticket = 1;

  @BeforeEach
  void account() {
    journal.create(new AccountSettings(ACCOUNT, AccountMode.SIM, MarginMode.HEDGING, "USD", new BigDecimal("10000"),
        100, StopOutMode.PERCENT, BigDecimal.valueOf(100), BigDecimal.valueOf(50), BigDecimal.ZERO, null,
        List.copyOf(BuiltInSymbols.all().values()), null), List.of());
  }

  @Test
  void read_once_from_the_history_then_kept_across_midnight_from_the_committed_deals() {
    deal(MAGIC, "2026-11-16T09:00:00Z", "-50.00", "-3.50", "0");

    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T10:00:00Z"), UTC)).isEqualByComparingTo("-53.50");

    deal(MAGIC, "2026-11-16T11:00:00Z", "20.00", "-3.50", "0");
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T12:00:00Z"), UTC)).isEqualByComparingTo("-37.00");

    // Tuesday: only the deal after midnight counts (-10.00 - 3.50 - 1.25).
    deal(MAGIC, "2026-11-17T00:30:00Z", "-10.00", "-3.50", "-1.25");
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-17T01:00:00Z"), UTC)).isEqualByComparingTo("-14.75");
    // What the history says, had it been asked.
    assertThat(journal.realized(ACCOUNT, MAGIC, Instant.parse("2026-11-17T00:00:00Z"))).isEqualByComparingTo("-14.75");

    // Wednesday, before any deal of that day.
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-18T09:00:00Z"), UTC)).isEqualByComparingTo("0");
    deal(MAGIC, "2026-11-18T09:30:00Z", "5.00", "-3.50", "0");
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-18T10:00:00Z"), UTC)).isEqualByComparingTo("1.50");

    assertThat(history.reads).isEqualTo(1);
  }

  @Test
  void the_day_starts_at_the_midnight_of_the_brokers_server_time() {
    deal(MAGIC, "2026-11-16T21:30:00Z", "-50.00", "-3.50", "0"); // 23:30 in Athens: Monday

    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T21:45:00Z"), ATHENS))
        .isEqualByComparingTo("-53.50");

    deal(MAGIC, "2026-11-16T22:30:00Z", "-10.00", "-3.50", "0"); // 00:30 on Tuesday in Athens, still Monday in UTC
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T22:45:00Z"), ATHENS))
        .isEqualByComparingTo("-13.50");
    // Read from the history, the day starts at 22:00 UTC too.
    assertThat(new DailyResults(history).today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T22:45:00Z"), ATHENS))
        .isEqualByComparingTo("-13.50");
    // On UTC's day both deals are Monday's: -53.50 - 13.50.
    assertThat(new DailyResults(history).today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T22:45:00Z"), UTC))
        .isEqualByComparingTo("-67.00");
  }

  @Test
  void deals_from_before_a_strategy_is_first_asked_about_come_from_the_history() {
    deal(MAGIC, "2026-11-16T09:00:00Z", "-50.00", "-3.50", "0");
    deal(MAGIC, "2026-11-16T09:30:00Z", "12.00", "-3.50", "0");

    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T10:00:00Z"), UTC)).isEqualByComparingTo("-45.00");
    assertThat(history.reads).isEqualTo(1);
  }

  @Test
  void another_strategys_deals_and_deals_without_a_magic_do_not_count() {
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T08:00:00Z"), UTC)).isEqualByComparingTo("0");

    deal(2002, "2026-11-16T09:00:00Z", "-80.00", "-3.50", "0");
    deal(0, "2026-11-17T09:00:00Z", "-80.00", "-3.50", "0");

    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T10:00:00Z"), UTC)).isEqualByComparingTo("0");
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-17T10:00:00Z"), UTC)).isEqualByComparingTo("0");
  }

  @Test
  void after_a_rebuild_the_account_is_read_from_the_history_again() {
    deal(MAGIC, "2026-11-16T09:00:00Z", "-50.00", "-3.50", "0");
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T10:00:00Z"), UTC)).isEqualByComparingTo("-53.50");
    // A commit whose outcome was unknown landed: its deal is in the history but was never handed over.
    long n = ticket++;
    journal.commit(ACCOUNT, List.of(new AccountEvent.DealAdded(new Deal(n, n, n, "EURUSD", DealType.SELL,
        DealEntry.OUT, new BigDecimal("0.10"), new BigDecimal("1.10000"), new BigDecimal("-40.00"),
        new BigDecimal("-3.50"), BigDecimal.ZERO, DealReason.EXPERT, MAGIC, "", Instant.parse("2026-11-16T10:30:00Z"),
        null))));
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T11:00:00Z"), UTC)).isEqualByComparingTo("-53.50");

    daily.rebuilt(ACCOUNT);

    // -53.50 - 40.00 - 3.50
    assertThat(daily.today(ACCOUNT, MAGIC, Instant.parse("2026-11-16T11:00:00Z"), UTC)).isEqualByComparingTo("-97.00");
    assertThat(history.reads).isEqualTo(2);
  }

  /** A deal committed to the journal and handed to the listener, as the account loop does. */
  private void deal(long magic, String time, String profit, String commission, String swap) {
    long n = ticket++;
    Deal deal = new Deal(n, n, n, "EURUSD", DealType.BUY, DealEntry.OUT, new BigDecimal("0.10"),
        new BigDecimal("1.10000"), new BigDecimal(profit), new BigDecimal(commission), new BigDecimal(swap),
        DealReason.EXPERT, magic, "", Instant.parse(time), null);
    List<AccountEvent> events = List.of(new AccountEvent.DealAdded(deal));
    journal.commit(ACCOUNT, events);
    daily.committed(new AccountEvent.Batch(ACCOUNT, events));
  }

  /** The journal's history, counting how often the realized result is read from it. */
  private static final class CountingHistory implements TradeHistory {
    private final TradeHistory history;
    int reads;

    CountingHistory(TradeHistory history) {
      this.history = history;
    }

    @Override
    public List<Deal> deals(String account, Long magic, Instant from, Instant to, int limit) {
      return history.deals(account, magic, from, to, limit);
    }

    @Override
    public BigDecimal realized(String account, long magic, Instant from) {
      reads++;
      return history.realized(account, magic, from);
    }

    @Override
    public List<EquityPoint> equity(String account, Instant from, Instant to, Duration step, int limit) {
      return history.equity(account, from, to, step, limit);
    }
  }
}
