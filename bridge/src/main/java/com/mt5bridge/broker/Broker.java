package com.mt5bridge.broker;

import java.util.Collection;
import java.util.List;
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

  /** A new price for one of {@link #symbols()}; ignored by brokers that take prices elsewhere. */
  void onTick(Tick tick);

  /**
   * The last price the bridge knows for one of {@link #symbols()}, given to a new account: taken
   * only while the account has no price for the symbol, so that a newer tick that came first stays.
   */
  default void onLastKnownPrice(Tick tick) {}
}
