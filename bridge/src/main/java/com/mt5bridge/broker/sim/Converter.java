package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountSettings.ConversionPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts money into the deposit currency through the pairs that link the currencies, as MT5
 * does: JPY to USD through USDJPY divides, GBP to USD through GBPUSD multiplies; where no pair links
 * them directly, through one intermediate currency (two pairs). Which price of a pair is used is the
 * account's {@link ConversionPrice} policy.
 */
final class Converter {

  private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

  /** One conversion step: multiply by the pair's price (base → quote) or divide (quote → base). */
  record Step(SymbolBook pair, boolean multiply) {}

  private final String deposit;
  private final ConversionPrice policy;
  private final Map<String, Optional<List<Step>>> paths = new HashMap<>();
  private final List<SymbolBook> books;

  Converter(String deposit, ConversionPrice policy, Collection<SymbolBook> books) {
    this.deposit = deposit;
    this.policy = policy;
    this.books = books.stream().sorted(Comparator.comparing(SymbolBook::symbol)).toList();
  }

  /** The pairs that convert {@code currency} to the deposit currency, or empty when none links them. */
  Optional<List<Step>> path(String currency) {
    return paths.computeIfAbsent(currency, this::findPath);
  }

  /** True when every pair on the path has a price. */
  boolean priced(String currency) {
    return path(currency).map(steps -> steps.stream().allMatch(s -> s.pair().hasPrice)).orElse(false);
  }

  /** {@code amount} in {@code currency}, in the deposit currency (34 significant digits, unrounded). */
  BigDecimal toDeposit(BigDecimal amount, String currency) {
    BigDecimal result = amount;
    for (Step step : path(currency).orElseThrow(() -> noPath(currency))) {
      BigDecimal rate = rate(step.pair());
      result = step.multiply() ? result.multiply(rate) : result.divide(rate, DIVISION);
    }
    return result;
  }

  /** The steps converting {@code currency} to the deposit currency, for the tick path; empty if none. */
  Step[] steps(String currency) {
    return path(currency).map(list -> list.toArray(Step[]::new)).orElse(new Step[0]);
  }

  /** The tick path's conversion of a 10^-8 amount along precomputed steps; ArithmeticException on overflow. */
  long toDepositE8(long amountE8, Step[] steps) {
    long result = amountE8;
    for (int i = 0; i < steps.length; i++) {
      SymbolBook pair = steps[i].pair();
      Step step = steps[i];
      long numerator = switch (policy) {
        case MID -> Math.addExact(pair.bidScaled, pair.askScaled);
        case BID -> pair.bidScaled;
        case ASK -> pair.askScaled;
      };
      long denominator = Fixed.pow10(pair.priceScale) * (policy == ConversionPrice.MID ? 2 : 1);
      result = step.multiply() ? Fixed.mulDiv(result, numerator, denominator)
          : Fixed.mulDiv(result, denominator, numerator);
    }
    return result;
  }

  private BigDecimal rate(SymbolBook pair) {
    return switch (policy) {
      case MID -> pair.bid.add(pair.ask).divide(BigDecimal.TWO);
      case BID -> pair.bid;
      case ASK -> pair.ask;
    };
  }

  private Optional<List<Step>> findPath(String currency) {
    if (currency.equals(deposit)) {
      return Optional.of(List.of());
    }
    Optional<Step> direct = step(currency, deposit);
    if (direct.isPresent()) {
      return Optional.of(List.of(direct.get()));
    }
    for (SymbolBook book : books) {
      for (String via : List.of(book.spec.currencyBase(), book.spec.currencyProfit())) {
        if (via.equals(currency) || via.equals(deposit)) {
          continue;
        }
        Optional<Step> first = step(currency, via);
        Optional<Step> second = step(via, deposit);
        if (first.isPresent() && second.isPresent()) {
          return Optional.of(List.of(first.get(), second.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Step> step(String from, String to) {
    for (SymbolBook book : books) {
      String base = book.spec.currencyBase();
      String quote = book.spec.currencyProfit();
      if (base.equals(from) && quote.equals(to)) {
        return Optional.of(new Step(book, true));
      }
      if (base.equals(to) && quote.equals(from)) {
        return Optional.of(new Step(book, false));
      }
    }
    return Optional.empty();
  }

  List<SymbolBook> pairs(String currency) {
    List<SymbolBook> pairs = new ArrayList<>();
    path(currency).ifPresent(steps -> steps.forEach(s -> pairs.add(s.pair())));
    return pairs;
  }

  private IllegalStateException noPath(String currency) {
    return new IllegalStateException("no symbol links " + currency + " to " + deposit);
  }
}
