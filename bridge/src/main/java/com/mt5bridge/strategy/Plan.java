package com.mt5bridge.strategy;

import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.TradingDesk;
import java.util.ArrayList;
import java.util.List;

/**
 * The trades one signal comes to, decided and checked before any is sent.
 *
 * @param stopAtRefusal a reversal stops when its close is refused, rather than open the new side anyway
 * @param note why there is nothing to do, when {@code requests} is empty
 */
public record Plan(List<TradeRequest> requests, boolean stopAtRefusal, String note) {

  static Plan of(TradeRequest... requests) {
    return new Plan(List.of(requests), true, null);
  }

  static Plan nothing(String note) {
    return new Plan(List.of(), true, note);
  }

  /** Sends the requests in order; the results, one per request sent. */
  public List<TradeResult> run(TradingDesk desk) {
    List<TradeResult> results = new ArrayList<>(requests.size());
    for (TradeRequest request : requests) {
      TradeResult result = desk.execute(request);
      results.add(result);
      if (stopAtRefusal && !result.success()) {
        break;
      }
    }
    return results;
  }
}
