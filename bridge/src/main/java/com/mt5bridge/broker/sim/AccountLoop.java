package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountListener;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountServedElsewhereException;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.OutcomeUnknownException;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.TradingDesk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIM account's one writer: a queue of requests and ticks drained in arrival order by one
 * (virtual) thread that alone touches the {@link VirtualBroker}. It takes what has queued up as one
 * batch, runs it, commits the batch's events through the {@link AccountJournal} in one go (group
 * commit), and only then answers the batch's requests and tells the listeners.
 *
 * <p>If the commit fails nothing of the batch is acknowledged: its requests fail with
 * {@link BrokerUnavailableException}, and the account is rebuilt from what is committed before it
 * takes the next batch (see {@link Recovery}).
 */
public final class AccountLoop implements Broker, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AccountLoop.class);
  private static final int MAX_BATCH = 512;
  private static final long EQUITY_SAMPLE_MILLIS = 1_000;

  /** Rebuilds the engine from committed state after a failed commit; empty while that is impossible. */
  public interface Recovery {
    VirtualBroker rebuild(String account);
  }

  private final String id;
  private final Collection<SymbolSpec> symbols;
  private final AccountJournal journal;
  private final Recovery recovery;
  private final AccountListener listener;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private VirtualBroker engine;
  private boolean stale;
  private long lastSampleMillis = Long.MIN_VALUE;
  /** Ticks ignored because the account could not value its positions at their price (account thread only). */
  private long unpriceable;
  /** Why the account no longer trades here: another bridge took it over (see AccountLoader.claim). */
  private volatile String servedElsewhere;
  private volatile boolean running = true;

  public AccountLoop(VirtualBroker engine, AccountJournal journal, Recovery recovery, AccountListener listener) {
    this.engine = engine;
    this.id = engine.id();
    this.symbols = engine.settings().symbols();
    this.journal = journal;
    this.recovery = recovery;
    this.listener = listener;
    this.thread = Thread.ofPlatform().name("account-" + id).daemon().start(this::run);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public AccountMode mode() {
    return AccountMode.SIM;
  }

  @Override
  public Collection<SymbolSpec> symbols() {
    return symbols;
  }

  @Override
  public Optional<String> notTrading() {
    return Optional.ofNullable(servedElsewhere);
  }

  /** For good: taking it back while the other bridge trades it would make the two take turns. */
  @Override
  public synchronized void servedElsewhere(String reason) {
    if (servedElsewhere == null) {
      servedElsewhere = reason;
      log.atWarn().setMessage("account taken over by another bridge on the same database; this bridge no longer "
          + "trades it").addKeyValue("account", id).addKeyValue("reason", reason).log();
    }
  }

  @Override
  public CompletableFuture<TradeResult> send(TradeRequest request) {
    return submit(engine -> engine.execute(request));
  }

  @Override
  public CompletableFuture<List<TradeResult>> closeAll(Selection selection, Source source) {
    return submit(engine -> engine.closeAll(selection, source));
  }

  @Override
  public CompletableFuture<List<TradeResult>> cancelAll(Selection selection, Source source) {
    return submit(engine -> engine.cancelAll(selection, source));
  }

  @Override
  public CompletableFuture<AccountSnapshot> snapshot() {
    return submit(VirtualBroker::snapshot);
  }

  @Override
  public <T> CompletableFuture<T> perform(Function<TradingDesk, T> work) {
    return submit(engine -> work.apply(new SimDesk(engine)));
  }

  /** Queues a price for the account's thread (one task, as each tick is one); nobody waits for it. */
  @Override
  public void onTick(Tick tick) {
    queue.add(new Task(engine -> {
      if (!engine.onTick(tick) && unpriceable++ % 1_000 == 0) {
        log.atWarn().setMessage("a price the account cannot value its positions at was ignored; the symbol keeps "
            + "its last price (check the price feed)").addKeyValue("account", id).addKeyValue("symbol", tick.symbol())
            .addKeyValue("bid", tick.bid()).addKeyValue("ask", tick.ask()).addKeyValue("ignored", unpriceable).log();
      }
      return null;
    }, null));
  }

  @Override
  public void onLastKnownPrice(Tick tick, boolean live) {
    queue.add(new Task(engine -> {
      engine.onLastKnownPrice(tick, live);
      return null;
    }, null));
  }

  /** Runs {@code work} on the account's thread; the answer comes once the batch is committed. */
  public <T> CompletableFuture<T> submit(Function<VirtualBroker, T> work) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    if (!running) {
      answer.completeExceptionally(new IllegalStateException("account " + id + " is stopped"));
      return answer;
    }
    queue.add(new Task(work, answer));
    return answer;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Task task : queue) {
      task.fail(new IllegalStateException("account " + id + " is stopped"));
    }
  }

  private void run() {
    List<Task> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      process(batch);
      batch.clear();
    }
  }

  private void process(List<Task> batch) {
    if (servedElsewhere != null) {
      failAll(batch, new AccountServedElsewhereException(servedElsewhere));
      return;
    }
    if (stale && !rebuild()) {
      failAll(batch, servedElsewhere != null ? new AccountServedElsewhereException(servedElsewhere)
          : new BrokerUnavailableException("account " + id + " is waiting for the database to come back"));
      return;
    }
    List<Object> answers = new ArrayList<>(batch.size());
    boolean anyAnswer = false;
    for (Task task : batch) {
      anyAnswer |= task.answer != null;
      try {
        answers.add(task.work.apply(engine));
      } catch (RuntimeException bug) {
        // The engine may be half-way through a change: drop the whole batch and rebuild from what is committed.
        log.atError().setMessage("request failed inside the account; the batch is dropped").setCause(bug)
            .addKeyValue("account", id).log();
        engine.drainEvents();
        stale = true;
        task.fail(bug);
        failAll(batch, new BrokerUnavailableException("the request was not carried out; try again"));
        return;
      }
    }
    List<AccountEvent> events = new ArrayList<>(engine.drainEvents());
    sampleEquity(events);
    if (!events.isEmpty()) {
      try {
        journal.commit(id, events);
      } catch (RuntimeException e) {
        log.atError().setMessage("commit failed; the account will be rebuilt from the database")
            .addKeyValue("account", id).addKeyValue("reason", e.getMessage()).log();
        stale = true;
        // "Nothing was done" only when that is known: a commit that broke off unanswered may have
        // landed. A take-over by another bridge is said as such.
        boolean told = e instanceof OutcomeUnknownException || e instanceof AccountServedElsewhereException;
        failAll(batch, told ? e : new BrokerUnavailableException("the database did not take the change; nothing was done"));
        return;
      }
    }
    // Completing a future runs whatever waits on it (writing an HTTP response, say): not on this
    // thread, and on one virtual thread for the whole batch, not one per request.
    if (anyAnswer) {
      List<Task> done = List.copyOf(batch);
      Thread.startVirtualThread(() -> {
        for (int i = 0; i < done.size(); i++) {
          done.get(i).complete(answers.get(i));
        }
      });
    }
    if (!events.isEmpty()) {
      listener.committed(new AccountEvent.Batch(id, events));
    }
  }

  private static void failAll(List<Task> batch, RuntimeException failure) {
    List<Task> failed = batch.stream().filter(task -> task.answer != null).toList();
    if (!failed.isEmpty()) {
      Thread.startVirtualThread(() -> failed.forEach(task -> task.fail(failure)));
    }
  }

  /**
   * The equity curve: a point at most once a second of account time while positions are open, with
   * the prices it was valued at, so that an account rebuilt after it values its positions as the
   * curve's last point did (otherwise prices are written only with a trade).
   */
  private void sampleEquity(List<AccountEvent> events) {
    long now = engine.clock().toEpochMilli();
    boolean afterDeal = events.stream().anyMatch(e -> e instanceof AccountEvent.DealAdded);
    if (afterDeal) {
      lastSampleMillis = now;
    } else if (engine.hasPositions() && now - lastSampleMillis >= EQUITY_SAMPLE_MILLIS) {
      lastSampleMillis = now;
      events.add(new AccountEvent.EquitySampled(engine.figures()));
      events.addAll(engine.drainPrices());
    }
  }

  private boolean rebuild() {
    if (servedElsewhere != null) {
      return false;
    }
    try {
      // Not drained: the feed's newest prices it was brought to (VirtualBroker.restore) may have
      // triggered a stop or a swap, committed with this batch.
      engine = recovery.rebuild(id);
      stale = false;
      listener.rebuilt(id);
      log.atInfo().setMessage("account rebuilt from the database").addKeyValue("account", id).log();
      return true;
    } catch (AccountServedElsewhereException e) {
      servedElsewhere(e.getMessage());
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** One request or tick; {@code answer} is null for ticks. */
  private static final class Task {
    final Function<VirtualBroker, ?> work;
    final CompletableFuture<?> answer;

    Task(Function<VirtualBroker, ?> work, CompletableFuture<?> answer) {
      this.work = work;
      this.answer = answer;
    }

    @SuppressWarnings("unchecked")
    void complete(Object value) {
      if (answer != null) {
        ((CompletableFuture<Object>) answer).complete(value);
      }
    }

    void fail(RuntimeException failure) {
      if (answer != null) {
        answer.completeExceptionally(failure);
      }
    }
  }
}
