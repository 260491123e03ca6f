package com.mt5bridge.broker;

/**
 * Which positions a close-all (or which orders a cancel-all) acts on; a null field matches
 * everything: every symbol, both sides, any magic number.
 */
public record Selection(String symbol, Side side, Long magic) {

  public static final Selection ALL = new Selection(null, null, null);

  public static Selection symbol(String symbol) {
    return new Selection(symbol, null, null);
  }

  public boolean matches(String symbol, Side side, long magic) {
    return (this.symbol == null || this.symbol.equals(symbol))
        && (this.side == null || this.side == side)
        && (this.magic == null || this.magic == magic);
  }
}
