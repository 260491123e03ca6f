package com.mt5bridge.broker;

/** MT5's trade server return codes (TRADE_RETCODE_*), with their numbers. */
public enum Retcode {
  REQUOTE(10004),
  REJECT(10006),
  CANCEL(10007),
  PLACED(10008),
  DONE(10009),
  DONE_PARTIAL(10010),
  ERROR(10011),
  TIMEOUT(10012),
  INVALID(10013),
  INVALID_VOLUME(10014),
  INVALID_PRICE(10015),
  INVALID_STOPS(10016),
  TRADE_DISABLED(10017),
  MARKET_CLOSED(10018),
  NO_MONEY(10019),
  PRICE_CHANGED(10020),
  PRICE_OFF(10021),
  INVALID_EXPIRATION(10022),
  ORDER_CHANGED(10023),
  TOO_MANY_REQUESTS(10024),
  NO_CHANGES(10025),
  SERVER_DISABLES_AT(10026),
  CLIENT_DISABLES_AT(10027),
  LOCKED(10028),
  FROZEN(10029),
  INVALID_FILL(10030),
  CONNECTION(10031),
  ONLY_REAL(10032),
  LIMIT_ORDERS(10033),
  LIMIT_VOLUME(10034),
  INVALID_ORDER(10035),
  POSITION_CLOSED(10036),
  INVALID_CLOSE_VOLUME(10038),
  CLOSE_ORDER_EXIST(10039),
  LIMIT_POSITIONS(10040),
  REJECT_CANCEL(10041),
  LONG_ONLY(10042),
  SHORT_ONLY(10043),
  CLOSE_ONLY(10044),
  FIFO_CLOSE(10045),
  HEDGE_PROHIBITED(10046);

  private final int code;

  Retcode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** DONE, PLACED and DONE_PARTIAL: the request was carried out. */
  public boolean success() {
    return this == DONE || this == PLACED || this == DONE_PARTIAL;
  }

  public static Retcode of(int code) {
    for (Retcode retcode : values()) {
      if (retcode.code == code) {
        return retcode;
      }
    }
    throw new IllegalArgumentException("unknown MT5 retcode " + code);
  }
}
