package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.SIGNALS;

import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalQuery;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.store.schema.tables.records.SignalsRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook journal in MariaDB. Signals that traded are written by the {@link DatabaseJournal}
 * with their deals; this class writes the others (refused, duplicate) in the background, in
 * batches, and answers the journal's queries.
 *
 * <p>The background queue is bounded: a flood of bad requests cannot exhaust memory. While the
 * database is away a batch is retried for a while; what cannot be written is counted and logged,
 * never blocks a webhook answer (a refusal's answer does not depend on its journal entry). Until it
 * is written, a signal is found from memory, by its id and in the listings, so a refusal shows at
 * once and the id its answer gave can be followed, also while the database is away.
 */
public final class DatabaseSignals implements SignalLog, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseSignals.class);
  private static final int QUEUE_CAPACITY = 50_000;
  private static final int BATCH = 500;
  private static final Duration RETRY_FOR = Duration.ofMinutes(2);

  private final DSLContext db;
  private final BlockingQueue<SignalRecord> queue;
  /** What was handed over and is not written yet (queued, or in the batch being written), by id. */
  private final Map<String, SignalRecord> unwritten = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean running = true;

  public DatabaseSignals(DSLContext db) {
    this(db, QUEUE_CAPACITY);
  }

  /** @param queued how many signals may wait to be written before more are dropped */
  DatabaseSignals(DSLContext db, int queued) {
    this.db = db;
    this.queue = new LinkedBlockingQueue<>(queued);
    this.writer = Thread.ofPlatform().name("signal-journal-writer").daemon().start(this::writeLoop);
  }

  @Override
  public void append(SignalRecord signal) {
    // Known before it is queued: the writer forgets it once written, which may be at once.
    unwritten.put(signal.id(), signal);
    if (!queue.offer(signal)) {
      unwritten.remove(signal.id());
      long count = dropped.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        log.atWarn().setMessage("signal journal queue full; refused signals are not being journaled")
            .addKeyValue("dropped", count).log();
      }
    }
  }

  /** Signals handed to {@link #append} that could not be journaled. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public Optional<SignalRecord> find(String id) {
    SignalRecord waiting = unwritten.get(id);
    if (waiting != null) {
      return Optional.of(waiting);
    }
    return read(() -> db.selectFrom(SIGNALS).where(SIGNALS.ID.eq(id)).fetchOptional(SignalRows::record));
  }

  /** Written signals, and those handed over but not written yet: the listing shows a refusal at once. */
  @Override
  public List<SignalRecord> recent(SignalQuery query) {
    SignalQuery.Cursor before = query.before();
    List<SignalRecord> written = read(() -> db.selectFrom(SIGNALS)
        .where(query.strategy() == null ? DSL.noCondition() : SIGNALS.STRATEGY_ID.eq(query.strategy()))
        .and(query.account() == null ? DSL.noCondition() : SIGNALS.ACCOUNT_ID.eq(query.account()))
        .and(query.status() == null ? DSL.noCondition() : SIGNALS.STATUS.eq(query.status().name()))
        .and(query.from() == null ? DSL.noCondition() : SIGNALS.RECEIVED_AT.ge(query.from()))
        .and(query.to() == null ? DSL.noCondition() : SIGNALS.RECEIVED_AT.lt(query.to()))
        // Spelled out rather than as a row comparison, which MariaDB does not turn into an index range.
        .and(before == null ? DSL.noCondition() : SIGNALS.RECEIVED_AT.lt(before.receivedAt())
            .or(SIGNALS.RECEIVED_AT.eq(before.receivedAt()).and(SIGNALS.ID.lt(before.id()))))
        .orderBy(SIGNALS.RECEIVED_AT.desc(), SIGNALS.ID.desc())
        .limit(query.limit())
        .fetch(SignalRows::record));
    return query.page(written, unwritten.values());
  }

  @Override
  public Optional<SignalRecord> byKey(String strategy, String idempotencyKey) {
    return read(() -> db.selectFrom(SIGNALS)
        .where(SIGNALS.STRATEGY_ID.eq(strategy), SIGNALS.IDEMPOTENCY_KEY.eq(idempotencyKey))
        .fetchOptional(SignalRows::record));
  }

  @Override
  public List<SignalRecord> hashedSince(Instant since) {
    return read(() -> db.selectFrom(SIGNALS)
        .where(SIGNALS.RECEIVED_AT.ge(since), SIGNALS.BODY_HASH.isNotNull(),
            SIGNALS.STATUS.in(SignalStatus.EXECUTED.name(), SignalStatus.REJECTED.name()))
        .fetch(SignalRows::record));
  }

  @Override
  public List<Key> keysSince(Instant since, int limit) {
    return read(() -> db.select(SIGNALS.STRATEGY_ID, SIGNALS.IDEMPOTENCY_KEY, SIGNALS.RECEIVED_AT)
        .from(SIGNALS)
        .where(SIGNALS.RECEIVED_AT.ge(since), SIGNALS.IDEMPOTENCY_KEY.isNotNull())
        .orderBy(SIGNALS.RECEIVED_AT.desc())
        .limit(limit)
        .fetch(r -> new Key(r.value1(), r.value2(), r.value3())));
  }

  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (DataAccessException e) {
      throw new BrokerUnavailableException("the signal journal cannot be read: the database does not answer");
    }
  }

  private void writeLoop() {
    List<SignalRecord> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, BATCH - 1);
      write(batch);
      batch.forEach(written -> unwritten.remove(written.id()));
      batch.clear();
    }
  }

  private void write(List<SignalRecord> batch) {
    List<SignalsRecord> rows = batch.stream().map(SignalRows::row).toList();
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    while (running) {
      try {
        // Ignoring duplicates makes a retry after an unclear failure harmless: the ids are unique.
        InsertValuesStepN<SignalsRecord> insert = db.insertInto(SIGNALS, SIGNALS.fields());
        for (SignalsRecord row : rows) {
          insert = insert.values(row.intoArray());
        }
        insert.onDuplicateKeyIgnore().execute();
        return;
      } catch (DataAccessException e) {
        if (System.nanoTime() > deadline) {
          long count = dropped.addAndGet(batch.size());
          log.atError().setMessage("refused signals could not be journaled; the database did not take them")
              .addKeyValue("signals", batch.size()).addKeyValue("dropped", count)
              .addKeyValue("reason", e.getMessage()).log();
          return;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    // Give the writer a moment to empty the queue, so a clean stop journals what it answered.
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!queue.isEmpty() && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running = false;
    writer.interrupt();
  }
}
