package com.mt5bridge.broker.sim;

import static com.mt5bridge.broker.sim.SimAccount.expiration;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.ExpirationType;
import com.mt5bridge.broker.OrderState;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Expiration on the account clock (the latest tick's time). The clock starts Monday 2026-11-16 10:00. */
class ExpirationTest {

  private final SimAccount account = SimAccount.hedging().open()
      .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T10:00:00Z");

  private long limit(Expiration expiration) {
    return account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000", "0", "0", "0", expiration).order();
  }

  @Test
  void a_day_order_lives_until_the_end_of_the_account_day() {
    long order = limit(expiration(ExpirationType.DAY, null));

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T23:59:59.999Z");
    assertThat(account.orders()).hasSize(1);

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T00:00:00Z");
    assertThat(account.orders()).isEmpty();
    assertThat(account.order(order).state()).isEqualTo(OrderState.EXPIRED);
    assertThat(account.order(order).timeDone()).isEqualTo("2026-11-17T00:00:00Z");
  }

  @Test
  void a_day_order_lives_until_the_end_of_the_servers_day() {
    SimAccount athens = SimAccount.hedging().policies(new AccountSettings.Policies(
            AccountSettings.HedgedMargin.LARGER_LEG, AccountSettings.ConversionPrice.MID, ZoneId.of("+02:00"))).open()
        .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T10:00:00Z");
    long order = athens.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000", "0", "0", "0",
        expiration(ExpirationType.DAY, null)).order();

    athens.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T21:59:59.999Z");
    assertThat(athens.orders()).hasSize(1);

    athens.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T22:00:00Z"); // midnight at UTC+2
    assertThat(athens.order(order).state()).isEqualTo(OrderState.EXPIRED);
    assertThat(athens.order(order).timeDone()).isEqualTo("2026-11-16T22:00:00Z");
  }

  @Test
  void a_specified_order_is_active_at_its_time_and_expired_just_after() {
    long order = limit(expiration(ExpirationType.SPECIFIED, "2026-11-16T12:00:00Z"));

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T12:00:00Z");
    assertThat(account.orders()).hasSize(1);

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T12:00:00.001Z");
    assertThat(account.order(order).state()).isEqualTo(OrderState.EXPIRED);
  }

  @Test
  void a_specified_day_order_lives_until_the_end_of_that_day() {
    long order = limit(expiration(ExpirationType.SPECIFIED_DAY, "2026-11-17T08:00:00Z"));

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T23:59:59.999Z");
    assertThat(account.orders()).hasSize(1);

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-18T00:00:00Z");
    assertThat(account.order(order).state()).isEqualTo(OrderState.EXPIRED);
  }

  @Test
  void a_gtc_order_stays_for_days() {
    limit(Expiration.GTC);

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-12-16T10:00:00Z");

    assertThat(account.orders()).hasSize(1);
  }

  @Test
  void an_order_expires_before_a_tick_that_would_fill_it() {
    long order = limit(expiration(ExpirationType.DAY, null));

    account.tickAt("EURUSD", "1.08900", "1.08920", "2026-11-17T00:00:00Z");

    assertThat(account.positions()).isEmpty();
    assertThat(account.order(order).state()).isEqualTo(OrderState.EXPIRED);
  }

  @Test
  void an_expiration_in_the_past_or_missing_its_time_is_invalid_expiration() {
    assertThat(account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000", "0", "0", "0",
        expiration(ExpirationType.SPECIFIED, "2026-11-16T09:59:59Z")).retcode()).isEqualTo(Retcode.INVALID_EXPIRATION);
    assertThat(account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000", "0", "0", "0",
        expiration(ExpirationType.SPECIFIED, null)).retcode().code()).isEqualTo(10022);
    assertThat(account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000", "0", "0", "0",
        expiration(ExpirationType.SPECIFIED_DAY, "2026-11-15T12:00:00Z")).retcode())
        .isEqualTo(Retcode.INVALID_EXPIRATION);
  }
}
