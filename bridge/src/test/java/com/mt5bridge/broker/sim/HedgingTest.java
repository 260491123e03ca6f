package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.DealType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.TradeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class HedgingTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void every_deal_opens_its_own_position_with_the_ticket_of_its_order() {
    TradeResult first = account.buy("EURUSD", "1");
    TradeResult second = account.buy("EURUSD", "1");
    TradeResult third = account.sell("EURUSD", "1");

    // 1 deposit | 2 order, 3 deal | 4 order, 5 deal | 6 order, 7 deal
    assertThat(List.of(first.position(), second.position(), third.position())).containsExactly(2L, 4L, 6L);
    assertThat(account.positions()).hasSize(3);
  }

  @Test
  void a_close_names_the_position_and_realizes_its_profit() {
    long ticket = account.buy("EURUSD", "1").position();
    account.tick("EURUSD", "1.10100", "1.10120");

    TradeResult closed = account.close(ticket);

    // (1.10100 - 1.10020) x 100,000 = 80.00
    assertThat(closed.retcode()).isEqualTo(Retcode.DONE);
    assertThat(closed.position()).isEqualTo(ticket);
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.OUT);
    assertThat(account.lastDeal().type()).isEqualTo(DealType.SELL);
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("80.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("10080.00");
  }

  @Test
  void a_partial_close_leaves_the_rest_open() {
    long ticket = account.buy("EURUSD", "1").position();
    account.tick("EURUSD", "1.10100", "1.10120");

    account.close(ticket, "0.4");

    // (1.10100 - 1.10020) x 100,000 x 0.4 = 32.00
    assertThat(account.lastDeal().volume()).isEqualByComparingTo("0.4");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("32.00");
    assertThat(account.position(ticket).volume()).isEqualByComparingTo("0.6");
  }

  @Test
  void closing_more_than_the_position_holds_is_invalid_close_volume() {
    long ticket = account.buy("EURUSD", "1").position();

    assertThat(account.close(ticket, "1.5").retcode()).isEqualTo(Retcode.INVALID_CLOSE_VOLUME);
    assertThat(account.close(ticket, "0.005").retcode()).isEqualTo(Retcode.INVALID_VOLUME);
  }

  @Test
  void closing_a_position_that_is_not_open_is_position_closed() {
    long ticket = account.buy("EURUSD", "1").position();
    account.close(ticket);

    assertThat(account.close(ticket).retcode()).isEqualTo(Retcode.POSITION_CLOSED);
    assertThat(account.close(999).retcode()).isEqualTo(Retcode.POSITION_CLOSED);
  }

  @Test
  void close_by_offsets_two_opposite_positions_at_the_open_price_of_the_by_position() {
    long longTicket = account.buy("EURUSD", "1").position(); // at 1.10020
    account.tick("EURUSD", "1.10100", "1.10120");
    long shortTicket = account.sell("EURUSD", "0.6").position(); // at 1.10100

    TradeResult result = account.closeBy(longTicket, shortTicket);

    assertThat(result.retcode()).isEqualTo(Retcode.DONE);
    List<Deal> outBy = account.trades().stream().filter(d -> d.entry() == DealEntry.OUT_BY).toList();
    assertThat(outBy).hasSize(2);
    // the long closes 0.6 at 1.10100: (1.10100 - 1.10020) x 100,000 x 0.6 = 48.00
    assertThat(outBy.get(0).position()).isEqualTo(longTicket);
    assertThat(outBy.get(0).type()).isEqualTo(DealType.SELL);
    assertThat(outBy.get(0).price()).isEqualByComparingTo("1.10100");
    assertThat(outBy.get(0).volume()).isEqualByComparingTo("0.6");
    assertThat(outBy.get(0).profit()).isEqualByComparingTo("48.00");
    // the short closes at its own open price: no profit
    assertThat(outBy.get(1).position()).isEqualTo(shortTicket);
    assertThat(outBy.get(1).type()).isEqualTo(DealType.BUY);
    assertThat(outBy.get(1).profit()).isEqualByComparingTo("0.00");
    // the larger position remains with the difference
    assertThat(account.positions()).singleElement().satisfies(p -> {
      assertThat(p.ticket()).isEqualTo(longTicket);
      assertThat(p.volume()).isEqualByComparingTo("0.4");
    });
    assertThat(account.figures().balance()).isEqualByComparingTo("10048.00");
  }

  @Test
  void close_by_needs_opposite_positions_in_a_hedging_account() {
    long a = account.buy("EURUSD", "1").position();
    long b = account.buy("EURUSD", "1").position();
    assertThat(account.closeBy(a, b).retcode()).isEqualTo(Retcode.INVALID);

    SimAccount netting = SimAccount.netting().open().tick("EURUSD", "1.10000", "1.10020");
    long only = netting.buy("EURUSD", "1").position();
    assertThat(netting.closeBy(only, only).retcode()).isEqualTo(Retcode.INVALID);
  }
}
