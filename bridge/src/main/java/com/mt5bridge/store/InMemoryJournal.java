package com.mt5bridge.store;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.TradeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps deals and the equity curve in memory only: the bridge with persistence turned off (for
 * benchmarks measuring the price of durability). Nothing survives a restart.
 */
public final class InMemoryJournal implements AccountJournal, TradeHistory {

  private final Map<String, List<Deal>> deals = new ConcurrentHashMap<>();
  private final Map<String, List<EquityPoint>> equity = new ConcurrentHashMap<>();

  @Override
  public void create(AccountSettings settings, List<AccountEvent> opening) {
    deals.put(settings.id(), new ArrayList<>());
    equity.put(settings.id(), new ArrayList<>());
    commit(settings.id(), opening);
  }

  @Override
  public void commit(String account, List<AccountEvent> events) {
    List<Deal> accountDeals = deals.get(account);
    List<EquityPoint> curve = equity.get(account);
    synchronized (accountDeals) {
      for (AccountEvent event : events) {
        if (event instanceof AccountEvent.DealAdded added) {
          accountDeals.add(added.deal());
        }
      }
      EquityPoints.of(events).forEach(figures -> curve.add(point(figures)));
    }
  }

  @Override
  public List<Deal> deals(String account, Instant from, Instant to, int limit) {
    List<Deal> accountDeals = deals.getOrDefault(account, List.of());
    synchronized (accountDeals) {
      List<Deal> inRange = accountDeals.stream().filter(d -> within(d.time(), from, to)).toList();
      return List.copyOf(inRange.subList(Math.max(0, inRange.size() - limit), inRange.size()));
    }
  }

  @Override
  public List<EquityPoint> equity(String account, Instant from, Instant to, int limit) {
    List<EquityPoint> curve = equity.getOrDefault(account, List.of());
    synchronized (deals.getOrDefault(account, List.of())) {
      List<EquityPoint> inRange = curve.stream().filter(p -> within(p.time(), from, to)).toList();
      return List.copyOf(inRange.subList(Math.max(0, inRange.size() - limit), inRange.size()));
    }
  }

  private static EquityPoint point(com.mt5bridge.broker.AccountFigures figures) {
    return new EquityPoint(figures.time(), figures.balance(), figures.equity(), figures.margin());
  }

  private static boolean within(Instant time, Instant from, Instant to) {
    return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
  }
}
