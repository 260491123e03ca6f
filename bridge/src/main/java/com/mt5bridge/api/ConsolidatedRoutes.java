package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.broker.AccountReads;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.CurrencyRates;
import com.mt5bridge.broker.InvalidFieldException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Views across accounts: every open position, and P&L in one currency. Over the accounts that trade
 * here and answer; those that do not (start-up could not load them, another bridge took them over,
 * the database holds their last change) are named in {@code accountsLeftOut} with why, so that a
 * total never leaves one out unsaid, nor fails whole for it.
 */
public final class ConsolidatedRoutes {

  private final BrokerRegistry brokers;
  private final CurrencyRates rates;

  public ConsolidatedRoutes(BrokerRegistry brokers, CurrencyRates rates) {
    this.brokers = brokers;
    this.rates = rates;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/consolidated/positions", this::positions);
    routes.get("/api/consolidated/pnl", this::pnl);
  }

  private void positions(Context ctx) {
    ctx.future(() -> snapshots().thenAccept(all -> {
      List<BrokerJson.AccountPosition> positions = all.shown().stream()
          .flatMap(s -> s.positions().stream().map(p -> BrokerJson.AccountPosition.of(s.id(), p)))
          .toList();
      ctx.json(new ConsolidatedPositions(positions.size(), positions, all.leftOut()));
    }));
  }

  private void pnl(Context ctx) {
    String currency = ctx.queryParam("currency") == null ? "USD" : ctx.queryParam("currency").trim().toUpperCase();
    ctx.future(() -> snapshots().thenAccept(all -> {
      BigDecimal realized = BigDecimal.ZERO;
      BigDecimal unrealized = BigDecimal.ZERO;
      for (AccountSnapshot s : all.shown()) {
        BigDecimal floating = s.figures().equity().subtract(s.figures().balance()).subtract(s.figures().credit());
        realized = realized.add(convert(s.figures().realizedPnl(), s.currency(), currency));
        unrealized = unrealized.add(convert(floating, s.currency(), currency));
      }
      realized = realized.setScale(2, RoundingMode.HALF_UP);
      unrealized = unrealized.setScale(2, RoundingMode.HALF_UP);
      ctx.json(new ConsolidatedPnl(currency, realized, unrealized, realized.add(unrealized), all.leftOut()));
    }));
  }

  private BigDecimal convert(BigDecimal amount, String from, String to) {
    return rates.convert(amount, from, to).orElseThrow(() -> new InvalidFieldException("currency",
        "no price yet to convert " + from + " into " + to));
  }

  /**
   * Every trading account's state, each within {@link AccountReads#WAIT}: one that cannot show it
   * (waiting for the database to take its last change, say) is left out and named with why.
   */
  private CompletableFuture<Accounts> snapshots() {
    Map<String, String> leftOut = new ConcurrentSkipListMap<>(brokers.notTrading());
    List<CompletableFuture<AccountSnapshot>> all = brokers.all().stream().filter(b -> b.notTrading().isEmpty())
        .map(b -> AccountReads.snapshot(b).exceptionallyCompose(e -> {
          Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          if (failure instanceof BrokerUnavailableException unavailable) {
            leftOut.put(b.id(), unavailable.getMessage());
            return CompletableFuture.completedFuture(null);
          }
          return CompletableFuture.failedFuture(failure);
        })).toList();
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> new Accounts(
        all.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList(), Map.copyOf(leftOut)));
  }

  /** The accounts shown, and those left out with why. */
  private record Accounts(List<AccountSnapshot> shown, Map<String, String> leftOut) {}

  /** @param accountsLeftOut accounts that do not trade here, with why; left out of the JSON when none */
  record ConsolidatedPositions(int total, List<BrokerJson.AccountPosition> positions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> accountsLeftOut) {}

  /** @param accountsLeftOut accounts that do not trade here, with why; left out of the JSON when none */
  record ConsolidatedPnl(String currency, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal totalPnl,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> accountsLeftOut) {}
}
