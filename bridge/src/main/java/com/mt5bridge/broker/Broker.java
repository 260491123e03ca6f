package com.mt5bridge.broker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One trading account, simulated (SIM) or an MT5 terminal (LIVE): the same requests, the same MT5
 * retcodes, so a strategy never knows which one it trades. Every method returns at once; results
 * arrive when the account has carried the request out (and, with a durable store, committed it).
 */
public interface Broker {

  String id();

  AccountMode mode();

  /**
   * Why the account does not trade here, when it does not: start-up could not load it, or another
   * bridge on the same database took it over. Every request to it then fails with that reason.
   */
  default Optional<String> notTrading() {
    return Optional.empty();
  }

  /**
   * Another bridge on the same database has taken the account over: this one stops trading it for
   * good, every request answering {@code reason}. (Its commits would be refused anyway; this tells
   * before one is tried.)
   */
  default void servedElsewhere(String reason) {}

  /** The specs of the symbols this account trades. */
  Collection<SymbolSpec> symbols();

  CompletableFuture<TradeResult> send(TradeRequest request);

  /** Closes every open position the selection matches, one result per position. */
  CompletableFuture<List<TradeResult>> closeAll(Selection selection, Source source);

  /** Deletes every pending order the selection matches, one result per order. */
  CompletableFuture<List<TradeResult>> cancelAll(Selection selection, Source source);

  CompletableFuture<AccountSnapshot> snapshot();

  /**
   * Runs {@code work} on the account in its turn, with nothing else happening to the account
   * meanwhile: it can read positions and prices, trade, and record a signal, and everything it did
   * is committed together before the answer comes.
   */
  <T> CompletableFuture<T> perform(Function<TradingDesk, T> work);

  /**
   * {@link #perform} for a question, work that changes nothing on the account (a preview, a view of
   * it): what the question throws fails its own answer alone. Thrown out of {@code perform}, an
   * exception means the account may be half-changed, so the account drops every request of its turn
   * (live signals among them) and is rebuilt from the database.
   */
  default <T> CompletableFuture<T> ask(Function<TradingDesk, T> question) {
    record Answer<V>(V value, RuntimeException failure) {}
    return this.<Answer<T>>perform(desk -> {
      try {
        return new Answer<>(question.apply(desk), null);
      } catch (RuntimeException e) {
        return new Answer<>(null, e);
      }
    }).thenCompose(answer -> answer.failure() == null ? CompletableFuture.completedFuture(answer.value())
        : CompletableFuture.failedFuture(answer.failure()));
  }

  /** A new price for one of {@link #symbols()}; ignored by brokers that take prices elsewhere. */
  void onTick(Tick tick);

  /**
   * The last price the bridge knows for one of {@link #symbols()}, given to a new account: taken
   * only while the account has no price for the symbol, so that a newer tick that came first stays.
   * {@code live}: it came from the feed since the bridge started; otherwise it was restored from the
   * database and is not dealt at.
   */
  default void onLastKnownPrice(Tick tick, boolean live) {}
}
