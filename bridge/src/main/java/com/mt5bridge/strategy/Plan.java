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
 * @param note why there is nothing to do, when {@code requests} is empty; or how the signal was cut
 *     short (a winding-down strategy's orders stop at flat), told when the orders go through
 */
public record Plan(List<TradeRequest> requests, boolean stopAtRefusal, String note) {

  static Plan of(TradeRequest... requests) {
    return new Plan(List.of(requests), true, null);
  }

  static Plan nothing(String note) {
    return new Plan(List.of(), true, note);
  }

  /** The same orders, less than the signal asked for, and why. */
  Plan cutShort(String why) {
    return new Plan(requests, stopAtRefusal, why);
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

  /**
   * What the trader is told of {@link #run}'s results: the note, if any, when every order went
   * through (null without one), else the broker's first refusal and what became of the other orders,
   * so that a half-done signal never passes for a done one.
   */
  public String outcome(List<TradeResult> results) {
    List<TradeResult> refused = results.stream().filter(result -> !result.success()).toList();
    if (refused.isEmpty()) {
      return note;
    }
    TradeResult first = refused.getFirst();
    String why = first.retcode().name() + " " + first.comment();
    if (requests.size() == 1) {
      return "the broker refused: " + why;
    }
    List<String> others = new ArrayList<>();
    int carriedOut = results.size() - refused.size();
    if (carriedOut > 0) {
      others.add(count(carriedOut, "carried out"));
    }
    if (refused.size() > 1) {
      others.add(count(refused.size() - 1, "refused too"));
    }
    int unsent = requests.size() - results.size();
    if (unsent > 0) {
      others.add(count(unsent, "not sent"));
    }
    return "the broker refused order " + (results.indexOf(first) + 1) + " of " + requests.size() + " (" + why
        + "); of the others, " + String.join(", ", others);
  }

  private static String count(int orders, String what) {
    return orders + (orders == 1 ? " was " : " were ") + what;
  }
}
