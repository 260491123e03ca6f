package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.CurrencyRates;
import com.mt5bridge.broker.InvalidFieldException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Views across accounts: every open position, and P&L in one currency. Over the accounts that trade
 * here; those that do not (start-up could not load them, another bridge took them over) are named
 * in {@code accountsLeftOut} with why, so that a total never leaves one out unsaid, nor fails whole
 * for it.
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
    Map<String, String> leftOut = brokers.notTrading();
    ctx.future(() -> snapshots().thenAccept(all -> {
      List<BrokerJson.AccountPosition> positions = all.stream()
          .flatMap(s -> s.positions().stream().map(p -> BrokerJson.AccountPosition.of(s.id(), p)))
          .toList();
      ctx.json(new ConsolidatedPositions(positions.size(), positions, leftOut));
    }));
  }

  private void pnl(Context ctx) {
    String currency = ctx.queryParam("currency") == null ? "USD" : ctx.queryParam("currency").trim().toUpperCase();
    Map<String, String> leftOut = brokers.notTrading();
    ctx.future(() -> snapshots().thenAccept(all -> {
      BigDecimal realized = BigDecimal.ZERO;
      BigDecimal unrealized = BigDecimal.ZERO;
      for (AccountSnapshot s : all) {
        BigDecimal floating = s.figures().equity().subtract(s.figures().balance()).subtract(s.figures().credit());
        realized = realized.add(convert(s.figures().realizedPnl(), s.currency(), currency));
        unrealized = unrealized.add(convert(floating, s.currency(), currency));
      }
      realized = realized.setScale(2, RoundingMode.HALF_UP);
      unrealized = unrealized.setScale(2, RoundingMode.HALF_UP);
      ctx.json(new ConsolidatedPnl(currency, realized, unrealized, realized.add(unrealized), leftOut));
    }));
  }

  private BigDecimal convert(BigDecimal amount, String from, String to) {
    return rates.convert(amount, from, to).orElseThrow(() -> new InvalidFieldException("currency",
        "no price yet to convert " + from + " into " + to));
  }

  private CompletableFuture<List<AccountSnapshot>> snapshots() {
    List<CompletableFuture<AccountSnapshot>> all = brokers.all().stream().filter(b -> b.notTrading().isEmpty())
        .map(b -> b.snapshot()).toList();
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(done -> all.stream().map(CompletableFuture::join).toList());
  }

  /** @param accountsLeftOut accounts that do not trade here, with why; left out of the JSON when none */
  record ConsolidatedPositions(int total, List<BrokerJson.AccountPosition> positions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> accountsLeftOut) {}

  /** @param accountsLeftOut accounts that do not trade here, with why; left out of the JSON when none */
  record ConsolidatedPnl(String currency, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal totalPnl,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> accountsLeftOut) {}
}
