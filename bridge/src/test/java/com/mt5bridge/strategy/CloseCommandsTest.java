package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.action;
import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.TradeRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;

/**
 * Close, flat and cancel act on the strategy's own positions and orders (magic 1001) only. The
 * account also holds a manual EURUSD buy and buy limit (magic 0), which must survive every command.
 */
class CloseCommandsTest {

  private final Strategy strategy = strategy(fixed("0.01"), Limits.NONE);
  private StrategyDesk desk;

  @BeforeEach
  void open() {
    desk = StrategyDesk.hedging();
    desk.tick("EURUSD", "1.10000", "1.10020");
    desk.tick("GBPUSD", "1.27000", "1.27015");
    manual(OrderType.BUY, "0");
    manual(OrderType.BUY_LIMIT, "1.09000");
    desk.signal(strategy, buy("EURUSD"));
    desk.signal(strategy, sell("EURUSD"));
    desk.signal(strategy, buy("GBPUSD"));
    desk.signal(strategy, buy("EURUSD").limit("1.09500"));
    desk.signal(strategy, sell("EURUSD").limit("1.11000"));
  }

  @AfterEach
  void close() {
    desk.close();
  }

  private void manual(OrderType type, String price) {
    desk.trade(new TradeRequest.PlaceOrder(type, "EURUSD", new BigDecimal("0.5"), new BigDecimal(price),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "manual", 0, Source.CLIENT));
  }

  private List<String> own(List<Position> positions) {
    return positions.stream().filter(p -> p.magic() == 1001).map(p -> p.symbol() + " " + p.type()).toList();
  }

  private List<String> ownOrders(List<Order> orders) {
    return orders.stream().filter(o -> o.magic() == 1001).map(o -> o.symbol() + " " + o.type()).toList();
  }

  private void assertManualUntouched() {
    assertThat(desk.snapshot().positions()).anyMatch(p -> p.magic() == 0 && p.volume().compareTo(new BigDecimal("0.5")) == 0);
    assertThat(desk.snapshot().orders()).anyMatch(o -> o.magic() == 0);
  }

  @Test
  void close_closes_the_strategy_positions_on_the_symbol() {
    desk.signal(strategy, action(Action.CLOSE, "EURUSD"));

    assertThat(own(desk.snapshot().positions())).containsExactly("GBPUSD BUY");
    assertManualUntouched();
  }

  @Test
  void closelong_leaves_the_strategy_shorts() {
    desk.signal(strategy, action(Action.CLOSE_LONG, "EURUSD"));

    assertThat(own(desk.snapshot().positions())).containsExactly("EURUSD SELL", "GBPUSD BUY");
    assertManualUntouched();
  }

  @Test
  void closeall_closes_the_strategy_positions_on_every_symbol_but_keeps_its_orders() {
    desk.signal(strategy, action(Action.CLOSE_ALL, null));

    assertThat(own(desk.snapshot().positions())).isEmpty();
    assertThat(ownOrders(desk.snapshot().orders())).hasSize(2);
    assertManualUntouched();
  }

  @Test
  void flat_closes_positions_and_cancels_orders_on_the_symbol() {
    desk.signal(strategy, action(Action.FLAT, "EURUSD"));

    assertThat(own(desk.snapshot().positions())).containsExactly("GBPUSD BUY");
    assertThat(ownOrders(desk.snapshot().orders())).isEmpty();
    assertManualUntouched();
  }

  @Test
  void cancellong_cancels_only_the_strategy_buy_orders() {
    desk.signal(strategy, action(Action.CANCEL_LONG, "EURUSD"));

    assertThat(ownOrders(desk.snapshot().orders())).containsExactly("EURUSD SELL_LIMIT");
    assertManualUntouched();
  }

  @Test
  void closing_with_nothing_open_sends_nothing_and_says_why() {
    Plan plan = desk.plan(strategy, action(Action.CLOSE, "USDJPY"));

    assertThat(plan.requests()).isEmpty();
    assertThat(plan.note()).isEqualTo("the strategy has no open positions on USDJPY");
  }
}
