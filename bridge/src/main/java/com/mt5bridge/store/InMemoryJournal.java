package com.mt5bridge.store;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.broker.TradeHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps deals, the equity curve and the latest signals in memory only: the bridge with persistence
 * turned off (for benchmarks measuring the price of durability). Nothing survives a restart.
 */
public final class InMemoryJournal implements AccountJournal, TradeHistory, SignalLog {

  private static final int SIGNALS_KEPT = 100_000;

  private final Map<String, List<Deal>> deals = new ConcurrentHashMap<>();
  private final Map<String, List<EquityPoint>> equity = new ConcurrentHashMap<>();
  private final Deque<SignalRecord> signals = new ArrayDeque<>();

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
        } else if (event instanceof AccountEvent.SignalRecorded recorded) {
          append(recorded.signal());
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
  public BigDecimal realized(String account, long magic, Instant from) {
    List<Deal> accountDeals = deals.getOrDefault(account, List.of());
    synchronized (accountDeals) {
      return accountDeals.stream().filter(d -> d.magic() == magic && within(d.time(), from, null))
          .map(d -> d.profit().add(d.commission()).add(d.swap())).reduce(BigDecimal.ZERO, BigDecimal::add);
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

  @Override
  public void append(SignalRecord signal) {
    synchronized (signals) {
      signals.addFirst(signal);
      if (signals.size() > SIGNALS_KEPT) {
        signals.removeLast();
      }
    }
  }

  @Override
  public Optional<SignalRecord> find(String id) {
    synchronized (signals) {
      return signals.stream().filter(s -> s.id().equals(id)).findFirst();
    }
  }

  @Override
  public List<SignalRecord> recent(String strategy, int limit) {
    synchronized (signals) {
      return signals.stream().filter(s -> strategy == null || strategy.equals(s.strategy())).limit(limit).toList();
    }
  }

  @Override
  public Optional<SignalRecord> byKey(String strategy, String idempotencyKey) {
    synchronized (signals) {
      return signals.stream()
          .filter(s -> idempotencyKey.equals(s.idempotencyKey()) && strategy.equals(s.strategy())).findFirst();
    }
  }

  @Override
  public List<SignalRecord> hashedSince(Instant since) {
    synchronized (signals) {
      return signals.stream().filter(s -> s.bodyHash() != null && !s.receivedAt().isBefore(since)
          && (s.status() == SignalStatus.EXECUTED || s.status() == SignalStatus.REJECTED)).toList();
    }
  }

  @Override
  public List<Key> keysSince(Instant since, int limit) {
    synchronized (signals) {
      return signals.stream().filter(s -> s.idempotencyKey() != null && !s.receivedAt().isBefore(since)).limit(limit)
          .map(s -> new Key(s.strategy(), s.idempotencyKey(), s.receivedAt())).toList();
    }
  }

  private static EquityPoint point(com.mt5bridge.broker.AccountFigures figures) {
    return new EquityPoint(figures.time(), figures.balance(), figures.equity(), figures.margin());
  }

  private static boolean within(Instant time, Instant from, Instant to) {
    return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
  }
}
