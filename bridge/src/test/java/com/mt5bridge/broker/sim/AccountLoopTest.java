package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountListener;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AccountLoopTest {

  private static final Instant T0 = Instant.parse("2026-11-16T10:00:00Z");

  /** A journal stub: records each commit, can be told to fail, and slows commits like a disk would. */
  private static final class RecordingJournal implements AccountJournal {
    final List<List<AccountEvent>> commits = new CopyOnWriteArrayList<>();
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public void create(AccountSettings settings, List<AccountEvent> opening) {}

    @Override
    public void commit(String account, List<AccountEvent> events) {
      if (failing.get()) {
        throw new IllegalStateException("disk on fire");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      commits.add(events);
    }
  }

  private static AccountSettings settings(String id) {
    return new AccountSettings(id, AccountMode.SIM, MarginMode.HEDGING, "USD", new BigDecimal("10000000"), 100,
        StopOutMode.PERCENT, new BigDecimal("100"), new BigDecimal("50"), BigDecimal.ZERO, null,
        List.copyOf(BuiltInSymbols.all().values()), null);
  }

  private static TradeRequest buy(String volume) {
    return new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", new BigDecimal(volume), BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "", 0, Source.EXPERT);
  }

  /** Remembers which accounts it was told were rebuilt. */
  private static final class RebuiltListener implements AccountListener {
    final List<String> rebuilt = new CopyOnWriteArrayList<>();

    @Override
    public void committed(AccountEvent.Batch batch) {}

    @Override
    public void rebuilt(String account) {
      rebuilt.add(account);
    }
  }

  private static AccountLoop loop(RecordingJournal journal, AccountLoop.Recovery recovery) {
    return loop(journal, recovery, batch -> { });
  }

  private static AccountLoop loop(RecordingJournal journal, AccountLoop.Recovery recovery, AccountListener listener) {
    VirtualBroker engine = VirtualBroker.open(settings("loop"), T0);
    engine.drainEvents();
    return new AccountLoop(engine, journal, recovery, listener);
  }

  @Test
  void concurrent_requests_to_one_account_run_one_at_a_time_with_unique_tickets_in_group_commits()
      throws Exception {
    RecordingJournal journal = new RecordingJournal();
    try (AccountLoop account = loop(journal, id -> { throw new IllegalStateException(); })) {
      account.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0));
      List<CompletableFuture<TradeResult>> results = new ArrayList<>();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 32; c++) {
        clients.add(Thread.ofVirtual().start(() -> {
          for (int i = 0; i < 20; i++) {
            CompletableFuture<TradeResult> result = account.send(buy("0.01"));
            synchronized (results) {
              results.add(result);
            }
            result.join();
          }
        }));
      }
      for (Thread client : clients) {
        client.join();
      }

      Set<Long> tickets = new HashSet<>();
      for (CompletableFuture<TradeResult> result : results) {
        assertThat(result.join().retcode()).isEqualTo(Retcode.DONE);
        assertThat(tickets.add(result.join().order())).isTrue();
        assertThat(tickets.add(result.join().deal())).isTrue();
      }
      // 640 orders and 640 deals after the deposit (ticket 1): exactly tickets 2..1281.
      assertThat(tickets).hasSize(1280);
      assertThat(tickets.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(1281);
      assertThat(account.snapshot().join().positions()).hasSize(640);
      // Slow commits let requests queue up: some commits carry more than one trade.
      long largestBatch = journal.commits.stream()
          .mapToLong(c -> c.stream().filter(e -> e instanceof AccountEvent.DealAdded).count()).max().orElseThrow();
      assertThat(largestBatch).isGreaterThan(1);
    }
  }

  @Test
  void a_failed_commit_acknowledges_nothing_and_the_account_is_rebuilt_before_the_next_request() {
    RecordingJournal journal = new RecordingJournal();
    List<String> rebuilt = new CopyOnWriteArrayList<>();
    AccountLoop.Recovery recovery = id -> {
      rebuilt.add(id);
      // What the database holds: the account as it was before the failed batch.
      VirtualBroker engine = VirtualBroker.open(settings(id), T0);
      engine.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0));
      return engine;
    };
    RebuiltListener listener = new RebuiltListener();
    try (AccountLoop account = loop(journal, recovery, listener)) {
      account.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0));
      journal.failing.set(true);

      CompletableFuture<TradeResult> lost = account.send(buy("1"));

      assertThatThrownBy(lost::join).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(BrokerUnavailableException.class);
      journal.failing.set(false);
      TradeResult next = account.send(buy("1")).join();
      assertThat(rebuilt).containsExactly("loop");
      // Figures kept from committed batches (a strategy's result today) are read again.
      assertThat(listener.rebuilt).containsExactly("loop");
      assertThat(next.retcode()).isEqualTo(Retcode.DONE);
      assertThat(next.order()).isEqualTo(2); // the lost order's tickets were never committed
      assertThat(account.snapshot().join().positions()).hasSize(1);
    }
  }

  @Test
  void while_the_account_cannot_be_rebuilt_requests_fail_as_unavailable() {
    RecordingJournal journal = new RecordingJournal();
    AtomicBoolean databaseBack = new AtomicBoolean(false);
    AccountLoop.Recovery recovery = id -> {
      if (!databaseBack.get()) {
        throw new IllegalStateException("still down");
      }
      return VirtualBroker.open(settings(id), T0);
    };
    RebuiltListener listener = new RebuiltListener();
    try (AccountLoop account = loop(journal, recovery, listener)) {
      account.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0));
      journal.failing.set(true);
      assertThatThrownBy(() -> account.send(buy("1")).join()).hasCauseInstanceOf(BrokerUnavailableException.class);
      journal.failing.set(false);

      assertThatThrownBy(() -> account.snapshot().join()).hasCauseInstanceOf(BrokerUnavailableException.class);
      assertThat(listener.rebuilt).isEmpty();
      databaseBack.set(true);
      assertThat(account.snapshot().join().positions()).isEmpty();
      assertThat(listener.rebuilt).containsExactly("loop");
    }
  }

  @Test
  void accounts_run_in_parallel_a_slow_one_does_not_hold_up_another() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AccountJournal stuck = new AccountJournal() {
      @Override
      public void create(AccountSettings settings, List<AccountEvent> opening) {}

      @Override
      public void commit(String account, List<AccountEvent> events) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    VirtualBroker slowEngine = VirtualBroker.open(settings("slow"), T0);
    try (AccountLoop slow = new AccountLoop(slowEngine, stuck, id -> { throw new IllegalStateException(); }, b -> { });
         AccountLoop fast = loop(new RecordingJournal(), id -> { throw new IllegalStateException(); })) {
      Tick tick = new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0);
      slow.onTick(tick);
      fast.onTick(tick);
      CompletableFuture<TradeResult> waiting = slow.send(buy("1"));

      TradeResult done = fast.send(buy("1")).get(5, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(done.retcode()).isEqualTo(Retcode.DONE);
      assertThat(waiting).isNotDone();
      release.countDown();
      assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS).retcode()).isEqualTo(Retcode.DONE);
    }
  }
}
