package com.mt5bridge.store;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * Which figures of a batch belong on the equity curve: those after a deal, and the periodic samples.
 * The curve is a function of account time, so of several points at the same millisecond only the
 * last (the state after all of that instant's deals) is kept.
 */
final class EquityPoints {

  private EquityPoints() {}

  static List<AccountFigures> of(List<AccountEvent> events) {
    List<AccountFigures> points = new ArrayList<>();
    for (AccountFigures figures : everyPoint(events)) {
      if (!points.isEmpty() && points.get(points.size() - 1).time().equals(figures.time())) {
        points.set(points.size() - 1, figures);
      } else {
        points.add(figures);
      }
    }
    return points;
  }

  private static List<AccountFigures> everyPoint(List<AccountEvent> events) {
    List<AccountFigures> points = new ArrayList<>();
    boolean afterDeal = false;
    for (AccountEvent event : events) {
      switch (event) {
        case AccountEvent.DealAdded ignored -> afterDeal = true;
        case AccountEvent.AccountChanged changed -> {
          if (afterDeal) {
            points.add(changed.figures());
          }
          afterDeal = false;
        }
        case AccountEvent.EquitySampled sampled -> points.add(sampled.figures());
        case AccountEvent.OrderChanged ignored -> { }
        case AccountEvent.PositionChanged ignored -> { }
        case AccountEvent.PricesSeen ignored -> { }
        case AccountEvent.SignalRecorded ignored -> { }
      }
    }
    return points;
  }
}
