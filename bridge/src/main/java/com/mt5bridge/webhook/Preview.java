package com.mt5bridge.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.api.BrokerJson;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.strategy.Plan;
import com.mt5bridge.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an alert would make the bridge send now ({@code POST /api/strategies/{id}/preview}): the
 * orders as planned, sized and checked against the strategy's limits, with the price they were
 * planned at. The broker's own checks (margin, stop levels) come only when orders are sent.
 *
 * @param priceTime when the account took {@code bid} and {@code ask}: after a restart, before the feed's
 *     next tick, they are the stored ones, which value positions but are not dealt at
 * @param message why there is nothing to send, when {@code orders} is empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Preview(String strategy, String account, String action, String symbol, BigDecimal bid, BigDecimal ask,
    Instant priceTime, List<PlannedOrder> orders, String message) {

  static Preview of(Strategy strategy, String action, String symbol, Tick price, Plan plan) {
    return new Preview(strategy.id(), strategy.account(), action, symbol, price == null ? null : price.bid(),
        price == null ? null : price.ask(), price == null ? null : price.time(),
        plan.requests().stream().map(PlannedOrder::of).toList(), plan.note());
  }

  /**
   * One request of the plan: {@code ORDER} (a market or pending order), {@code CLOSE} (a position,
   * whole or {@code volume} of it) or {@code CANCEL} (a pending order); MT5's fields, 0 for none.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PlannedOrder(String request, String type, String symbol, BigDecimal volume, BigDecimal price,
      BigDecimal stopLimit, BigDecimal sl, BigDecimal tp, BrokerJson.ExpirationView expiration, Long magic,
      String comment, Long position, Long order) {

    static PlannedOrder of(TradeRequest request) {
      return switch (request) {
        case TradeRequest.PlaceOrder o -> new PlannedOrder("ORDER", o.type().name(), o.symbol(), o.volume(), o.price(),
            o.stopLimit(), o.sl(), o.tp(), BrokerJson.ExpirationView.of(o.expiration()), o.magic(), o.comment(), null,
            null);
        case TradeRequest.ClosePosition c -> new PlannedOrder("CLOSE", null, null, c.volume(), null, null, null, null,
            null, null, null, c.position(), null);
        case TradeRequest.CancelOrder c -> new PlannedOrder("CANCEL", null, null, null, null, null, null, null, null,
            null, null, null, c.order());
        case TradeRequest.CloseBy ignored -> unplanned(request);
        case TradeRequest.ModifyPosition ignored -> unplanned(request);
        case TradeRequest.ModifyOrder ignored -> unplanned(request);
      };
    }

    private static PlannedOrder unplanned(TradeRequest request) {
      throw new IllegalArgumentException("a plan holds orders, closes and cancels only, not " + request);
    }
  }
}
