package com.mt5bridge.broker.sim;

import static com.mt5bridge.broker.sim.SimAccount.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.DealType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MarketOrderTest {

  @Test
  void the_initial_deposit_is_ticket_1_a_balance_deal() {
    SimAccount account = SimAccount.hedging().balance("10000").open();

    assertThat(account.deals()).hasSize(1);
    assertThat(account.deals().get(0).ticket()).isEqualTo(1);
    assertThat(account.deals().get(0).type()).isEqualTo(DealType.BALANCE);
    assertThat(account.deals().get(0).profit()).isEqualByComparingTo("10000.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("10000.00");
  }

  @Test
  void a_market_buy_fills_at_the_ask() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

    TradeResult result = account.buy("EURUSD", "1.0");

    // Tickets: 1 is the deposit; the order is 2, its deal 3, the position takes the order's ticket.
    assertThat(result.retcode()).isEqualTo(Retcode.DONE);
    assertThat(result.order()).isEqualTo(2);
    assertThat(result.deal()).isEqualTo(3);
    assertThat(result.position()).isEqualTo(2);
    assertThat(result.price()).isEqualByComparingTo("1.10020");
    assertThat(result.bid()).isEqualByComparingTo("1.10000");
    assertThat(result.ask()).isEqualByComparingTo("1.10020");
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.IN);
    assertThat(account.lastDeal().type()).isEqualTo(DealType.BUY);
  }

  @Test
  void the_last_known_price_is_taken_only_by_a_symbol_without_a_price() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

    account.broker.onLastKnownPrice(new Tick("EURUSD", dec("1.09000"), dec("1.09020"),
        account.broker.clock()), true);
    account.broker.onLastKnownPrice(new Tick("GBPUSD", dec("1.27000"), dec("1.27020"),
        account.broker.clock()), true);

    assertThat(account.buy("EURUSD", "1.0").price()).as("the newer tick stays").isEqualByComparingTo("1.10020");
    assertThat(account.buy("GBPUSD", "1.0").price()).isEqualByComparingTo("1.27020");
  }

  @Test
  void a_market_sell_fills_at_the_bid() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

    TradeResult result = account.sell("EURUSD", "0.5");

    assertThat(result.retcode()).isEqualTo(Retcode.DONE);
    assertThat(result.price()).isEqualByComparingTo("1.10000");
    assertThat(account.position(result.position()).volume()).isEqualByComparingTo("0.5");
  }

  @Test
  void a_comment_is_kept_to_64_characters_without_cutting_an_emoji_in_half() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");
    String emojiAcrossTheEnd = "a".repeat(63) + "\uD83D\uDE00"; // 63 letters, then one emoji of two chars
    String long70 = "b".repeat(70);

    TradeResult cut = account.execute(new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", new BigDecimal("0.1"),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, emojiAcrossTheEnd, 0,
        Source.EXPERT));
    TradeResult clipped = account.execute(new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", new BigDecimal("0.1"),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, long70, 0,
        Source.EXPERT));

    // 64 chars would end on the emoji's first half: the emoji goes whole, leaving the 63 letters.
    assertThat(account.position(cut.position()).comment()).isEqualTo("a".repeat(63));
    assertThat(account.position(clipped.position()).comment()).isEqualTo("b".repeat(64));
  }

  @Test
  void trading_a_symbol_without_a_price_yet_is_market_closed() {
    SimAccount account = SimAccount.hedging().open();

    TradeResult result = account.buy("EURUSD", "1.0");

    assertThat(result.retcode()).isEqualTo(Retcode.MARKET_CLOSED);
    assertThat(result.retcode().code()).isEqualTo(10018);
    assertThat(account.trades()).isEmpty();
  }

  @Test
  void an_unknown_symbol_is_invalid() {
    SimAccount account = SimAccount.hedging().open();

    TradeResult result = account.buy("NOSUCH", "1.0");

    assertThat(result.retcode()).isEqualTo(Retcode.INVALID);
    assertThat(result.comment()).contains("NOSUCH");
  }

  @Test
  void a_long_floats_at_the_bid() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");
    long ticket = account.buy("EURUSD", "1.0").position();

    account.tick("EURUSD", "1.10045", "1.10065");

    // (1.10045 - 1.10020) x 100,000 x 1.0 = 25.00
    assertThat(account.position(ticket).priceCurrent()).isEqualByComparingTo("1.10045");
    assertThat(account.position(ticket).profit()).isEqualByComparingTo("25.00");
    assertThat(account.figures().profit()).isEqualByComparingTo("25.00");
    assertThat(account.figures().equity()).isEqualByComparingTo("10025.00");
  }

  @Test
  void a_short_floats_at_the_ask() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");
    long ticket = account.sell("EURUSD", "1.0").position();

    account.tick("EURUSD", "1.09950", "1.09970");

    // (1.10000 - 1.09970) x 100,000 x 1.0 = 30.00
    assertThat(account.position(ticket).priceCurrent()).isEqualByComparingTo("1.09970");
    assertThat(account.position(ticket).profit()).isEqualByComparingTo("30.00");
    assertThat(account.figures().equity()).isEqualByComparingTo(dec("10030.00"));
  }
}
