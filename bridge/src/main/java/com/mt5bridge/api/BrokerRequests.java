package com.mt5bridge.api;

import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.ExpirationType;
import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.SwapMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.TradeRequest;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The contract's request bodies for accounts and trading, and their translation into broker requests. */
final class BrokerRequests {

  private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{3,8}");

  /** The largest opening balance (see {@link CreateAccount#toSettings}). */
  static final BigDecimal MAX_BALANCE = new BigDecimal("10000000000");

  private BrokerRequests() {}

  // --- accounts ----------------------------------------------------------------------------------

  record CreateAccount(String id, String mode, String marginMode, String currency, BigDecimal balance,
      Integer leverage, String stopOutMode, BigDecimal marginCall, BigDecimal stopOut, BigDecimal commissionPerLot,
      List<SymbolBody> symbols, Long login, PoliciesBody policies) {

    AccountSettings toSettings() {
      if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
        throw new InvalidFieldException("id", "id must match [a-z0-9][a-z0-9_-]{0,63}");
      }
      AccountMode accountMode = Fields.enumOf(AccountMode.class, mode, "mode", AccountMode.SIM);
      String deposit = currency == null ? "USD" : currency;
      if (!CURRENCY.matcher(deposit).matches()) {
        throw new InvalidFieldException("currency", "currency must be a code such as USD");
      }
      BigDecimal deposited = balance == null ? BigDecimal.ZERO : balance;
      Fields.notNegative(deposited, "balance");
      // An account counts money in 10^-8 units in a long (up to 9.2 * 10^10): room is left for its profit.
      if (deposited.compareTo(MAX_BALANCE) > 0) {
        throw new InvalidFieldException("balance", "balance must be at most " + MAX_BALANCE.toPlainString());
      }
      int accountLeverage = leverage == null ? 100 : leverage;
      if (accountLeverage < 1 || accountLeverage > 10_000) {
        throw new InvalidFieldException("leverage", "leverage must be from 1 to 10000");
      }
      StopOutMode levels = Fields.enumOf(StopOutMode.class, stopOutMode, "stopOutMode", StopOutMode.PERCENT);
      BigDecimal call = marginCall != null ? marginCall : levels == StopOutMode.PERCENT ? BigDecimal.valueOf(100) : null;
      BigDecimal out = stopOut != null ? stopOut : levels == StopOutMode.PERCENT ? BigDecimal.valueOf(50) : null;
      if (call == null || out == null) {
        throw new InvalidFieldException(call == null ? "marginCall" : "stopOut",
            "MONEY stop-out mode needs marginCall and stopOut amounts");
      }
      Fields.notNegative(call, "marginCall");
      Fields.notNegative(out, "stopOut");
      if (out.compareTo(call) > 0) {
        throw new InvalidFieldException("stopOut", "stopOut must not be above marginCall");
      }
      BigDecimal commission = commissionPerLot == null ? BigDecimal.ZERO : commissionPerLot;
      Fields.notNegative(commission, "commissionPerLot");
      if (accountMode == AccountMode.LIVE && login == null) {
        throw new InvalidFieldException("login", "a LIVE account needs the MT5 login of its terminal");
      }
      return new AccountSettings(id, accountMode,
          Fields.enumOf(MarginMode.class, marginMode, "marginMode", MarginMode.HEDGING), deposit, deposited,
          accountLeverage, levels, call, out, commission, accountMode == AccountMode.LIVE ? login : null,
          specs(symbols), policies == null ? AccountSettings.Policies.DEFAULT : policies.toPolicies());
    }
  }

  record PoliciesBody(String hedgedMargin, String conversionPrice, String serverTimeZone) {
    AccountSettings.Policies toPolicies() {
      return new AccountSettings.Policies(
          Fields.enumOf(AccountSettings.HedgedMargin.class, hedgedMargin, "policies.hedgedMargin",
              AccountSettings.HedgedMargin.LARGER_LEG),
          Fields.enumOf(AccountSettings.ConversionPrice.class, conversionPrice, "policies.conversionPrice",
              AccountSettings.ConversionPrice.MID),
          Fields.zoneOf(serverTimeZone, "policies.serverTimeZone"));
    }
  }

  /** A symbol spec where every omitted field takes the built-in value (or MT5's default for a new symbol). */
  record SymbolBody(String name, Integer digits, BigDecimal contractSize, String calcMode, BigDecimal marginRate,
      BigDecimal initialMargin, BigDecimal tickSize, BigDecimal tickValue, String currencyBase, String currencyProfit,
      String currencyMargin, BigDecimal volumeMin, BigDecimal volumeMax, BigDecimal volumeStep, Integer stopsLevel,
      Integer freezeLevel, String swapMode, BigDecimal swapLong, BigDecimal swapShort, String swapTripleDay) {

    SymbolSpec merge(SymbolSpec base) {
      int d = digits != null ? digits : base.digits();
      BigDecimal tick = tickSize != null ? tickSize : digits != null ? BigDecimal.ONE.movePointLeft(d) : base.tickSize();
      return new SymbolSpec(name, d, or(contractSize, base.contractSize()),
          Fields.enumOf(CalcMode.class, calcMode, "calcMode", base.calcMode()), or(marginRate, base.marginRate()),
          or(initialMargin, base.initialMargin()), tick, or(tickValue, base.tickValue()),
          or(currencyBase, base.currencyBase()), or(currencyProfit, base.currencyProfit()),
          or(currencyMargin, base.currencyMargin()), or(volumeMin, base.volumeMin()), or(volumeMax, base.volumeMax()),
          or(volumeStep, base.volumeStep()), or(stopsLevel, base.stopsLevel()), or(freezeLevel, base.freezeLevel()),
          Fields.enumOf(SwapMode.class, swapMode, "swapMode", base.swapMode()), or(swapLong, base.swapLong()),
          or(swapShort, base.swapShort()),
          Fields.enumOf(DayOfWeek.class, swapTripleDay, "swapTripleDay", base.swapTripleDay()));
    }

    /** MT5's defaults for a symbol the bridge does not know: a currency pair if the name looks like one. */
    SymbolSpec defaults() {
      boolean pair = name.matches("[A-Z]{6}");
      String base = pair ? name.substring(0, 3) : or(currencyProfit, "USD");
      String quote = pair ? name.substring(3, 6) : or(currencyProfit, "USD");
      int d = digits != null ? digits : pair ? ("JPY".equals(quote) ? 3 : 5) : 2;
      return new SymbolSpec(name, d, pair ? new BigDecimal("100000") : BigDecimal.ONE,
          pair ? CalcMode.FOREX : CalcMode.CFD, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE.movePointLeft(d),
          BigDecimal.ONE, base, quote, pair ? base : quote, new BigDecimal("0.01"), new BigDecimal("100"),
          new BigDecimal("0.01"), 0, 0, SwapMode.POINTS, BigDecimal.ZERO, BigDecimal.ZERO, DayOfWeek.WEDNESDAY);
    }
  }

  private static List<SymbolSpec> specs(List<SymbolBody> overrides) {
    Map<String, SymbolSpec> specs = new LinkedHashMap<>(BuiltInSymbols.all());
    if (overrides != null) {
      for (int i = 0; i < overrides.size(); i++) {
        SymbolBody body = overrides.get(i);
        String at = "symbols[" + i + "].";
        if (body == null || body.name() == null || body.name().isBlank()) {
          throw new InvalidFieldException(at + "name", "every symbol needs a name");
        }
        try {
          SymbolSpec base = specs.containsKey(body.name()) ? specs.get(body.name()) : body.defaults();
          specs.put(body.name(), body.merge(base).requireStorable());
        } catch (InvalidFieldException e) {
          throw new InvalidFieldException(at + e.field(), body.name() + ": " + e.getMessage());
        }
      }
    }
    return new ArrayList<>(specs.values());
  }

  // --- trading -----------------------------------------------------------------------------------

  record ExpirationBody(String type, Instant time) {
    Expiration toExpiration() {
      return new Expiration(Fields.enumOf(ExpirationType.class, type, "expiration.type", ExpirationType.GTC), time);
    }
  }

  record PlaceOrderBody(String symbol, BigDecimal volume, String type, BigDecimal price, BigDecimal stopLimit,
      BigDecimal sl, BigDecimal tp, ExpirationBody expiration, String comment, Long magic) {

    TradeRequest.PlaceOrder toRequest(Side side, Source source) {
      if (symbol == null || symbol.isBlank()) {
        throw new InvalidFieldException("symbol", "symbol is required");
      }
      if (volume == null) {
        throw new InvalidFieldException("volume", "volume is required");
      }
      OrderType.Kind kind = Fields.enumOf(OrderType.Kind.class, type, "type", OrderType.Kind.MARKET);
      return new TradeRequest.PlaceOrder(OrderType.of(side, kind), symbol, volume, zeroIfNull(price),
          zeroIfNull(stopLimit), zeroIfNull(sl), zeroIfNull(tp),
          expiration == null ? Expiration.GTC : expiration.toExpiration(), comment == null ? "" : comment,
          magic == null ? 0 : magic, source);
    }
  }

  record CloseBody(Long position, BigDecimal volume, String symbol, Long by, String comment) {}

  record ModifyBody(Long position, Long order, BigDecimal price, BigDecimal stopLimit, BigDecimal sl, BigDecimal tp,
      ExpirationBody expiration) {

    TradeRequest toRequest(Source source) {
      if ((position == null) == (order == null)) {
        throw new InvalidFieldException(position == null ? "position" : "order",
            "name either a position (to change its sl/tp) or an order");
      }
      if (position != null) {
        if (price != null || stopLimit != null || expiration != null) {
          throw new InvalidFieldException(price != null ? "price" : stopLimit != null ? "stopLimit" : "expiration",
              "a position has only sl and tp to change");
        }
        return new TradeRequest.ModifyPosition(position, sl, tp, source);
      }
      return new TradeRequest.ModifyOrder(order, price, stopLimit, sl, tp,
          expiration == null ? null : expiration.toExpiration(), source);
    }
  }

  record CancelBody(Long order) {
    TradeRequest.CancelOrder toRequest(Source source) {
      if (order == null) {
        throw new InvalidFieldException("order", "order is required");
      }
      return new TradeRequest.CancelOrder(order, source);
    }
  }

  record TickBody(String symbol, BigDecimal bid, BigDecimal ask, Instant time) {}

  private static BigDecimal zeroIfNull(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Reading enum names and numbers with errors that name the field. */
  static final class Fields {

    private Fields() {}

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, E fallback) {
      if (value == null || value.isBlank()) {
        return fallback;
      }
      try {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw new InvalidFieldException(field, field + " must be one of " + names + ", got '" + value + "'");
      }
    }

    /** A time zone by its region ({@code Europe/Athens}) or offset ({@code +02:00}); UTC when left out. */
    static ZoneId zoneOf(String value, String field) {
      if (value == null || value.isBlank()) {
        return AccountSettings.Policies.UTC;
      }
      try {
        return ZoneId.of(value.trim());
      } catch (DateTimeException e) {
        throw new InvalidFieldException(field, field + " must be a time zone such as Europe/Athens (Eastern European "
            + "time, as many MT5 brokers keep) or +02:00, got '" + value + "'");
      }
    }

    static void notNegative(BigDecimal value, String field) {
      if (value.signum() < 0) {
        throw new InvalidFieldException(field, field + " must not be negative");
      }
    }
  }
}
