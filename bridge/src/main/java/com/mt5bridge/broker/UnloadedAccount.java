package com.mt5bridge.broker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An account the database holds but start-up could not load (a row an older version wrote that this
 * one refuses, say). It stands in the registry so that the other accounts trade while it is tried
 * again, and so that nothing mistakes it for an account without positions: every request to it, and
 * every question about what it holds, fails with the reason (503).
 */
public record UnloadedAccount(String id, String reason) implements Broker {

  /** What every request to it answers. */
  public String message() {
    return "account " + id + " could not be loaded: " + reason + " (it is tried again every few seconds)";
  }

  @Override
  public Optional<String> notTrading() {
    return Optional.of(reason);
  }

  @Override
  public AccountMode mode() {
    return AccountMode.SIM;
  }

  @Override
  public Collection<SymbolSpec> symbols() {
    throw new BrokerUnavailableException(message());
  }

  @Override
  public CompletableFuture<TradeResult> send(TradeRequest request) {
    return refused();
  }

  @Override
  public CompletableFuture<List<TradeResult>> closeAll(Selection selection, Source source) {
    return refused();
  }

  @Override
  public CompletableFuture<List<TradeResult>> cancelAll(Selection selection, Source source) {
    return refused();
  }

  @Override
  public CompletableFuture<AccountSnapshot> snapshot() {
    return refused();
  }

  @Override
  public <T> CompletableFuture<T> perform(Function<TradingDesk, T> work) {
    return refused();
  }

  @Override
  public void onTick(Tick tick) {
    // Not subscribed to ticks: it has no book to move.
  }

  private <T> CompletableFuture<T> refused() {
    return CompletableFuture.failedFuture(new BrokerUnavailableException(message()));
  }
}
