package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.TradingDesk;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The volume a signal opens. The alert's own volume, risk or contracts win (in that order);
 * otherwise the strategy's mode decides. The result is floored to the symbol's volume step and
 * must lie within its minimum and maximum.
 */
final class Sizer {

  private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Sizer() {}

  static BigDecimal volume(TradingDesk desk, Strategy strategy, Signal signal, SymbolSpec spec, Entry entry) {
    Sizing sizing = strategy.sizing();
    if (signal.volume() != null) {
      return normalized(signal.volume(), spec, "volume", "the alert's volume");
    }
    if (signal.risk() != null) {
      return byRisk(desk, signal.risk(), spec, entry, "risk");
    }
    if (signal.contracts() != null) {
      return byContracts(signal.contracts(), sizing, spec);
    }
    return switch (sizing.mode()) {
      case FIXED -> normalized(sizing.volume(), spec, "volume", "the strategy's fixed volume");
      case CONTRACTS -> throw ApiException.invalid("contracts",
          "the strategy sizes by contracts but the alert has none; add \"contracts\": \"{{strategy.order.contracts}}\"");
      case RISK -> byRisk(desk, sizing.riskPercent(), spec, entry, "sizing.riskPercent");
      case ALLOCATION -> byAllocation(desk, sizing, spec, entry);
    };
  }

  /** A target position in lots from TradingView's position size: × multiplier, floored toward 0 to the step. */
  static BigDecimal target(BigDecimal positionSize, Strategy strategy, SymbolSpec spec) {
    BigDecimal lots = positionSize.multiply(strategy.sizing().multiplierOrOne());
    BigDecimal floored = floorToStep(lots.abs(), spec);
    if (floored.signum() != 0 && floored.compareTo(spec.volumeMin()) < 0) {
      throw ApiException.invalid("positionSize", "position size " + positionSize.toPlainString() + " × "
          + strategy.sizing().multiplierOrOne().toPlainString() + " is " + lots.abs().toPlainString()
          + " lots, below " + spec.name() + "'s minimum " + spec.volumeMin().toPlainString());
    }
    return lots.signum() < 0 ? floored.negate() : floored;
  }

  /**
   * One order on the way to a target position. The symbol must take it as it is, or nothing is sent:
   * found out at the broker, it would come after the strategy's other positions were already closed.
   */
  static void checkTargetOrder(BigDecimal volume, Side side, BigDecimal positionSize, Strategy strategy,
      SymbolSpec spec) {
    String bound = volume.compareTo(spec.volumeMin()) < 0 ? "below its minimum " + spec.volumeMin().toPlainString()
        : volume.compareTo(spec.volumeMax()) > 0 ? "above its maximum " + spec.volumeMax().toPlainString()
        : null;
    if (bound != null) {
      throw ApiException.invalid("positionSize", "position size " + positionSize.toPlainString() + " × "
          + strategy.sizing().multiplierOrOne().toPlainString() + " needs a " + side.name().toLowerCase(Locale.ROOT)
          + " of " + volume.toPlainString() + " lots of " + spec.name() + " in one order, " + bound
          + "; nothing was sent" + unitsHint(strategy.sizing(), spec, volume));
    }
  }

  static BigDecimal floorToStep(BigDecimal volume, SymbolSpec spec) {
    BigDecimal step = spec.volumeStep();
    return volume.divide(step, 0, RoundingMode.FLOOR).multiply(step).setScale(Math.max(0, step.scale()),
        RoundingMode.UNNECESSARY);
  }

  private static BigDecimal byContracts(BigDecimal contracts, Sizing sizing, SymbolSpec spec) {
    BigDecimal lots = contracts.multiply(sizing.multiplierOrOne());
    return normalized(lots, spec, "contracts", contracts.toPlainString() + " contracts × "
        + sizing.multiplierOrOne().toPlainString(), unitsHint(sizing, spec, lots));
  }

  /**
   * TradingView counts a forex or CFD strategy's size in units, not lots, so an unset multiplier is
   * the usual reason for thousands of lots: say what it should be.
   */
  private static String unitsHint(Sizing sizing, SymbolSpec spec, BigDecimal lots) {
    if (sizing.multiplier() != null || lots.compareTo(spec.volumeMax()) <= 0
        || spec.contractSize().compareTo(BigDecimal.ONE) <= 0) {
      return "";
    }
    BigDecimal perUnit = BigDecimal.ONE.divide(spec.contractSize(), DIVISION).stripTrailingZeros();
    return " (if the strategy counts units, set its sizing's \"multiplier\" to " + perUnit.toPlainString()
        + ": one lot of " + spec.name() + " is " + spec.contractSize().stripTrailingZeros().toPlainString() + " units)";
  }

  /** Lots that lose {@code percent} of the balance if the stop-loss is hit, commission in and out included. */
  private static BigDecimal byRisk(TradingDesk desk, BigDecimal percent, SymbolSpec spec, Entry entry, String field) {
    if (entry.sl().signum() == 0) {
      throw ApiException.invalid("sl", "risk sizing needs a stop-loss: give sl or slPips");
    }
    BigDecimal lossPerLot = desk.profit(spec.name(), entry.side(), BigDecimal.ONE, entry.price(), entry.sl())
        .orElseThrow(() -> ApiException.invalid("symbol", "no price converts " + spec.currencyProfit() + " to "
            + desk.currency() + " yet"))
        .abs()
        .add(desk.commissionPerLot().multiply(BigDecimal.TWO));
    BigDecimal balance = desk.figures().balance();
    BigDecimal amount = balance.multiply(percent).divide(HUNDRED, DIVISION);
    BigDecimal lots = amount.divide(lossPerLot, DIVISION);
    return normalized(lots, spec, field, "risking " + percent.toPlainString() + "% of " + balance.toPlainString()
        + " with the stop-loss at " + entry.sl().toPlainString());
  }

  /**
   * Lots whose notional, in the deposit currency, is the strategy's equity. A lot of a currency pair is
   * its contract size in the base currency (100,000 USD of USDJPY is one lot, whatever the spread);
   * of anything else, contract size × entry price in the profit currency.
   */
  private static BigDecimal byAllocation(TradingDesk desk, Sizing sizing, SymbolSpec spec, Entry entry) {
    BigDecimal notional = sizing.equity() != null ? sizing.equity()
        : sizing.weight().multiply(desk.figures().equity());
    boolean pair = spec.calcMode() == CalcMode.FOREX || spec.calcMode() == CalcMode.FOREX_NO_LEVERAGE;
    String currency = pair ? spec.currencyBase() : spec.currencyProfit();
    BigDecimal lotNotional = desk.toDeposit(pair ? spec.contractSize() : spec.contractSize().multiply(entry.price()),
        currency).orElseThrow(() -> ApiException.invalid("symbol", "no price converts " + currency + " to "
            + desk.currency() + " yet"));
    BigDecimal lots = notional.divide(lotNotional, DIVISION);
    return normalized(lots, spec, "sizing", "allocating " + notional.stripTrailingZeros().toPlainString()
        + " " + desk.currency() + " of notional");
  }

  private static BigDecimal normalized(BigDecimal lots, SymbolSpec spec, String field, String how) {
    return normalized(lots, spec, field, how, "");
  }

  private static BigDecimal normalized(BigDecimal lots, SymbolSpec spec, String field, String how, String hintAbove) {
    BigDecimal volume = floorToStep(lots, spec);
    if (volume.compareTo(spec.volumeMin()) < 0) {
      throw ApiException.invalid(field, how + " gives " + plain(lots) + " lots, below " + spec.name()
          + "'s minimum " + spec.volumeMin().toPlainString());
    }
    if (volume.compareTo(spec.volumeMax()) > 0) {
      throw ApiException.invalid(field, how + " gives " + plain(lots) + " lots, above " + spec.name()
          + "'s maximum " + spec.volumeMax().toPlainString() + hintAbove);
    }
    return volume;
  }

  /** Lots as a trader reads them: six significant digits at most, no trailing zeros. */
  static String plain(BigDecimal lots) {
    return lots.round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
  }
}
