package com.mt5bridge.store;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalQuery;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.broker.TradeHistory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the latest deals, equity points and signals in memory only: the bridge with persistence
 * turned off (for benchmarks measuring the price of durability). Nothing survives a restart, and
 * only the newest {@link #DEFAULT_KEPT} of each are kept, per account for deals and equity, so that
 * memory stays small under load. Unbounded, a benchmark at 25,000 signals/s filled a 1 GB heap
 * within minutes and the bridge slowed to a few hundred signals a second; at 100,000 per account,
 * eight accounts still held 450 MB and needed full collections.
 */
public final class InMemoryJournal implements AccountJournal, TradeHistory, SignalLog {

  /** How many deals and equity points per account, and signals in all, are kept by default. */
  public static final int DEFAULT_KEPT = 10_000;

  private final int kept;
  private final Map<String, Deque<Deal>> deals = new ConcurrentHashMap<>();
  private final Map<String, Deque<EquityPoint>> equity = new ConcurrentHashMap<>();
  private final Deque<SignalRecord> signals = new ArrayDeque<>();

  public InMemoryJournal() {
    this(DEFAULT_KEPT);
  }

  /** @param kept the most deals and equity points per account, and signals in all, kept */
  public InMemoryJournal(int kept) {
    this.kept = kept;
  }

  @Override
  public void create(AccountSettings settings, List<AccountEvent> opening) {
    deals.put(settings.id(), new ArrayDeque<>());
    equity.put(settings.id(), new ArrayDeque<>());
    commit(settings.id(), opening);
  }

  @Override
  public void commit(String account, List<AccountEvent> events) {
    Deque<Deal> accountDeals = deals.get(account);
    Deque<EquityPoint> curve = equity.get(account);
    synchronized (accountDeals) {
      for (AccountEvent event : events) {
        if (event instanceof AccountEvent.DealAdded added) {
          keep(accountDeals, added.deal());
        } else if (event instanceof AccountEvent.SignalRecorded recorded) {
          append(recorded.signal());
        }
      }
      EquityPoints.of(events).forEach(figures -> keep(curve, point(figures)));
    }
  }

  /** Appends {@code item}, dropping the oldest beyond {@link #kept}. */
  private <T> void keep(Deque<T> items, T item) {
    items.addLast(item);
    if (items.size() > kept) {
      items.removeFirst();
    }
  }

  @Override
  public List<Deal> deals(String account, Long magic, Instant from, Instant to, int limit) {
    Deque<Deal> accountDeals = deals.get(account);
    if (accountDeals == null) {
      return List.of();
    }
    synchronized (accountDeals) {
      List<Deal> inRange = accountDeals.stream()
          .filter(d -> within(d.time(), from, to) && (magic == null || d.magic() == magic)).toList();
      return List.copyOf(inRange.subList(Math.max(0, inRange.size() - limit), inRange.size()));
    }
  }

  @Override
  public BigDecimal realized(String account, long magic, Instant from) {
    Deque<Deal> accountDeals = deals.get(account);
    if (accountDeals == null) {
      return BigDecimal.ZERO;
    }
    synchronized (accountDeals) {
      return accountDeals.stream().filter(d -> d.magic() == magic && within(d.time(), from, null))
          .map(d -> d.profit().add(d.commission()).add(d.swap())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  @Override
  public List<EquityPoint> equity(String account, Instant from, Instant to, Duration step, int limit) {
    Deque<Deal> accountDeals = deals.get(account);
    Deque<EquityPoint> curve = equity.get(account);
    if (accountDeals == null || curve == null) {
      return List.of();
    }
    List<EquityPoint> inRange;
    synchronized (accountDeals) { // the account's deals lock guards its curve too (see commit)
      inRange = curve.stream().filter(p -> within(p.time(), from, to)).toList();
    }
    List<EquityPoint> points = step == null ? inRange : steps(inRange, step.toSeconds());
    return List.copyOf(points.subList(Math.max(0, points.size() - limit), points.size()));
  }

  /** Per step of {@code seconds} from the epoch, its last point with the step's lowest and highest equity. */
  private static List<EquityPoint> steps(List<EquityPoint> oldestFirst, long seconds) {
    List<EquityPoint> steps = new ArrayList<>();
    long current = Long.MIN_VALUE;
    for (EquityPoint p : oldestFirst) {
      long bucket = Math.floorDiv(p.time().getEpochSecond(), seconds);
      if (bucket != current) {
        current = bucket;
        steps.add(new EquityPoint(p.time(), p.balance(), p.equity(), p.margin(), p.equity(), p.equity()));
      } else {
        EquityPoint before = steps.getLast();
        steps.set(steps.size() - 1, new EquityPoint(p.time(), p.balance(), p.equity(), p.margin(),
            before.equityLow().min(p.equity()), before.equityHigh().max(p.equity())));
      }
    }
    return steps;
  }

  @Override
  public void append(SignalRecord signal) {
    synchronized (signals) {
      signals.addFirst(signal);
      if (signals.size() > kept) {
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
  public List<SignalRecord> recent(SignalQuery query) {
    synchronized (signals) {
      // Kept in the order they were appended, which is not always their order of receipt: a traded
      // signal is appended when its commit lands, a refused one at once.
      return signals.stream().filter(query::matches).sorted(SignalQuery.NEWEST_FIRST).limit(query.limit()).toList();
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
