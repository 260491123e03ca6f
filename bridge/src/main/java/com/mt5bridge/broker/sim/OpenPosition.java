package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position as the engine holds it: no current price or profit (those change with every tick and
 * are computed when someone looks). {@code units} is the volume in the book's volume units and
 * {@code openScaled} the open price in the book's price scale, for the tick path's aggregates.
 */
record OpenPosition(long ticket, String symbol, Side side, BigDecimal volume, long units, BigDecimal priceOpen,
    long openScaled, BigDecimal sl, BigDecimal tp, BigDecimal swap, BigDecimal commission, long magic,
    String comment, Instant timeOpen, Instant timeUpdate) {

  OpenPosition withStops(BigDecimal newSl, BigDecimal newTp, Instant time) {
    return new OpenPosition(ticket, symbol, side, volume, units, priceOpen, openScaled, newSl, newTp, swap,
        commission, magic, comment, timeOpen, time);
  }

  OpenPosition withSwap(BigDecimal newSwap) {
    return new OpenPosition(ticket, symbol, side, volume, units, priceOpen, openScaled, sl, tp, newSwap,
        commission, magic, comment, timeOpen, timeUpdate);
  }
}
