package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.CurrencyDigits;
import com.mt5bridge.broker.StopOutMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * An account's money in its deposit currency: balance, credit, realized P&L and the swap accrued on
 * open positions, exact in BigDecimal; and for the tick path the same as 10^-8 longs, next to the
 * floating profit and margin summed over the symbols. It answers margin call and stop-out exactly
 * (128-bit products, no division) and gives the figures a trader sees, rounded to the currency's
 * digits half-up (the profit as the positions show it, each rounded, summed by the account).
 */
final class AccountMoney {

  private final int digits;
  private final StopOutMode stopOutMode;
  private final long marginCallLevel;
  private final long stopOutLevel;

  private BigDecimal balance;
  private BigDecimal credit;
  private BigDecimal realizedPnl;
  private BigDecimal swap;
  private long balanceE8;
  private long creditE8;
  private long swapE8;
  private long profitE8;
  private long marginE8;

  AccountMoney(String currency, StopOutMode stopOutMode, BigDecimal marginCall, BigDecimal stopOut) {
    this.digits = CurrencyDigits.of(currency);
    this.stopOutMode = stopOutMode;
    this.marginCallLevel = level(marginCall);
    this.stopOutLevel = level(stopOut);
    BigDecimal zero = BigDecimal.ZERO.setScale(digits);
    this.balance = zero;
    this.credit = zero;
    this.realizedPnl = zero;
    this.swap = zero;
  }

  /** Rounded once, to the currency's digits, half-up. */
  BigDecimal round(BigDecimal amount) {
    return amount.setScale(digits, RoundingMode.HALF_UP);
  }

  /**
   * A 10^-8 amount rounded half-up to the currency's minor units (cents), where it is clear of the
   * half-way point by more than {@code slack} 10^-8 units; otherwise empty, and the caller rounds the
   * exact amount instead (a converted 10^-8 amount may be that far off it).
   */
  OptionalLong minorUnits(long amountE8, long slack) {
    long unit = Fixed.pow10(Fixed.MONEY_SCALE - digits);
    long remainder = Math.abs(amountE8 % unit);
    if (Math.abs(2 * remainder - unit) <= 2 * slack) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Fixed.divideHalfUp(amountE8, unit));
  }

  /** A rounded amount in the currency's minor units. */
  long minorUnits(BigDecimal rounded) {
    return rounded.movePointRight(digits).longValueExact();
  }

  BigDecimal ofMinorUnits(long minor) {
    return BigDecimal.valueOf(minor, digits);
  }

  BigDecimal zero() {
    return BigDecimal.ZERO.setScale(digits);
  }

  void restore(BigDecimal storedBalance, BigDecimal storedCredit, BigDecimal storedRealizedPnl) {
    balance = round(storedBalance);
    credit = round(storedCredit);
    realizedPnl = round(storedRealizedPnl);
    balanceE8 = toE8(balance);
    creditE8 = toE8(credit);
  }

  /** A deposit or withdrawal: the balance moves, the trading result does not. */
  void deposit(BigDecimal amount) {
    balance = balance.add(amount);
    balanceE8 = toE8(balance);
  }

  /** A deal's profit, commission and swap: balance and realized P&L move together. */
  void realize(BigDecimal amount) {
    deposit(amount);
    realizedPnl = realizedPnl.add(amount);
  }

  /** Swap charged to an open position at rollover (in the equity, not yet the balance). */
  void accrueSwap(BigDecimal charge) {
    swap = swap.add(charge);
    swapE8 = toE8(swap);
  }

  /** Accrued swap that a closing deal realizes leaves the open positions. */
  void releaseSwap(BigDecimal realized) {
    accrueSwap(realized.negate());
  }

  /** One symbol's floating profit and margin moved (10^-8 of the deposit currency). */
  void moveFloating(long profitChange, long marginChange) {
    profitE8 += profitChange;
    marginE8 += marginChange;
  }

  boolean hasMargin() {
    return marginE8 > 0;
  }

  long marginE8() {
    return marginE8;
  }

  long equityE8() {
    return balanceE8 + creditE8 + swapE8 + profitE8;
  }

  boolean atMarginCall() {
    return hasMargin() && atOrBelow(marginCallLevel);
  }

  boolean atStopOut() {
    return hasMargin() && atOrBelow(stopOutLevel);
  }

  /** PERCENT: equity / margin × 100 ≤ level (level with 4 decimals); MONEY: equity ≤ level. */
  private boolean atOrBelow(long level) {
    if (stopOutMode == StopOutMode.MONEY) {
      return equityE8() <= level;
    }
    return Fixed.compareProducts(equityE8(), 1_000_000, level, marginE8) <= 0;
  }

  private long level(BigDecimal level) {
    return stopOutMode == StopOutMode.MONEY ? toE8(level)
        : Fixed.scaled(level.setScale(4, RoundingMode.HALF_UP), 4);
  }

  /**
   * equity = balance + credit + profit + swap; free margin = equity − margin; level = equity / margin × 100.
   *
   * @param profit the open positions' profit as shown: each position's, rounded, summed
   */
  AccountFigures figures(BigDecimal profit, boolean marginCall, Instant clock) {
    BigDecimal margin = round(Fixed.decimal(marginE8, Fixed.MONEY_SCALE));
    BigDecimal equity = balance.add(credit).add(profit).add(swap);
    BigDecimal marginLevel = margin.signum() == 0 ? null
        : equity.multiply(BigDecimal.valueOf(100)).divide(margin, 2, RoundingMode.HALF_UP);
    return new AccountFigures(balance, credit, equity, profit, margin, equity.subtract(margin), marginLevel,
        marginCall, realizedPnl, clock);
  }

  static long toE8(BigDecimal amount) {
    return amount.movePointRight(Fixed.MONEY_SCALE).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
