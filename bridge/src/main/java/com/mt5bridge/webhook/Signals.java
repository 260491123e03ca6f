package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.BrokerJson;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.api.Sha256;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.OutcomeUnknownException;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.TradingDesk;
import com.mt5bridge.strategy.Plan;
import com.mt5bridge.strategy.Planner;
import com.mt5bridge.strategy.Signal;
import com.mt5bridge.strategy.Strategies;
import com.mt5bridge.strategy.Strategy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The path of a webhook signal: read and checked up to its account ({@link Intake}: size, type,
 * parse, strategy, sender, fields, symbol), claimed against duplicates, then one turn on the
 * account: plan (size, limits), trade and record the signal, committed together. Every refusal is
 * journaled with its reason (those of senders without the secret within a budget,
 * {@link UnauthenticatedRefusals}). A preview goes the same way, without the address, the rate and the
 * claim, and stops at the plan.
 */
public final class Signals implements AutoCloseable {

  /** The largest alert body taken. */
  public static final int MAX_BODY = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(Signals.class);

  private final Strategies strategies;
  private final Planner planner;
  private final SignalLog journal;
  private final InstantSource clock;
  private final WebhookSettings settings;
  private final JsonMapper json;
  private final Intake intake;
  private final SignalIds ids;
  private final DuplicateGuard guard;
  private final AnswerDeadlines deadlines;
  private final Map<String, JournalEntry> inFlight = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private final UnconfirmedSignals unconfirmed;
  private final RefusalLog refusals;
  private final OutcomeLog outcomes;
  private final WrongSecrets wrongSecrets;
  private final UnauthenticatedRefusals unauthenticated;

  public Signals(Strategies strategies, BrokerRegistry brokers, Planner planner, SignalLog journal,
      InstantSource clock, WebhookSettings settings, JsonMapper json) {
    this.strategies = strategies;
    this.planner = planner;
    this.journal = journal;
    this.clock = clock;
    this.settings = settings;
    this.json = json;
    this.intake = new Intake(strategies, brokers, settings);
    this.ids = new SignalIds(clock);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("signal-timers").daemon()
        .factory());
    this.deadlines = new AnswerDeadlines(clock, sweeper);
    this.guard = new DuplicateGuard(journal, clock, deadlines, settings.duplicateWindow());
    this.unconfirmed = new UnconfirmedSignals(journal, clock, sweeper);
    this.refusals = new RefusalLog(log, clock);
    this.outcomes = new OutcomeLog(log, clock);
    this.wrongSecrets = new WrongSecrets(log, clock);
    this.unauthenticated = new UnauthenticatedRefusals(log, clock);
    sweeper.scheduleWithFixedDelay(guard::sweep, 1, 1, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(refusals::flush, 1, 1, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(outcomes::flush, 1, 1, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(unauthenticated::flush, 1, 1, TimeUnit.SECONDS);
  }

  /** At start-up, once the journal can be read: remembers recent bodies so a repeat across a restart is a duplicate. */
  public void start() {
    guard.preload();
  }

  /** A signal still in its account's hands (answered PENDING), as the journal will show it. */
  public Optional<SignalRecord> inFlight(String id) {
    return Optional.ofNullable(inFlight.get(id)).map(JournalEntry::pending);
  }

  /** How many signals are taken and not finished: in their account's hands, or their outcome unknown. */
  public long pending() {
    return inFlight.size();
  }

  /** The signals being carried out now, as the journal will show them until they are done. */
  public List<SignalRecord> inFlight() {
    return inFlight.values().stream().map(JournalEntry::pending).toList();
  }

  /**
   * Handles one delivery: the 200 answer, or an {@link ApiException} with the contract's error and
   * the id under which the journal keeps the refusal (none when a junk flood's refusal is not kept).
   */
  SignalAnswer receive(Delivery delivery) {
    JournalEntry entry = new JournalEntry(ids.next(), clock.instant());
    try {
      try {
        return handle(delivery, entry);
      } catch (BrokerUnavailableException unavailable) {
        // The journal could not be asked whether the alert is a repeat: nothing was done.
        throw ApiException.unavailable(unavailable.getMessage());
      }
    } catch (ApiException refused) {
      boolean journaled = entry.recorded || journalRefusal(entry, refused);
      if (refused.code() == ErrorCode.UNAUTHORIZED && entry.strategy != null) {
        wrongSecrets.count(entry.strategy);
      }
      refusals.refused(entry, refused, journaled);
      throw journaled ? refused.withSignal(entry.id) : refused;
    }
  }

  /** Journals a refusal made before the account, within the budget for senders without the secret. */
  private boolean journalRefusal(JournalEntry entry, ApiException refused) {
    entry.recorded = true;
    if (!unauthenticated.journal(entry)) {
      return false;
    }
    if (entry.body != null && entry.strategy != null) {
      strategies.find(entry.strategy).ifPresent(strategy ->
          entry.body = Redaction.strategySecret(entry.body, strategy.secretHash(), intake.mapper()));
    }
    entry.body = Redaction.cut(entry.body);
    journal.append(entry.refused(refused, clock.instant()));
    return true;
  }

  /** Refusals of senders without the secret left out of the journal since start (a junk flood). */
  public long unauthenticatedNotJournaled() {
    return unauthenticated.notJournaled();
  }

  private SignalAnswer handle(Delivery delivery, JournalEntry entry) {
    Intake.Understood understood = intake.read(delivery, entry, true);
    Strategy strategy = understood.strategy();
    Alert alert = understood.alert();
    DuplicateGuard.Claim mine = new DuplicateGuard.Claim(entry.id, entry.receivedAt);
    Optional<DuplicateGuard.Claim> earlier;
    Instant alertTime = alert.instant();
    if (alert.identified()) {
      entry.idempotencyKey = idempotencyKey(alert, alertTime);
      earlier = guard.claimKey(strategy.id(), entry.idempotencyKey, alertTime, mine, deadline(entry));
    } else {
      entry.bodyHash = Sha256.hex(strategy.id() + "\n" + entry.body);
      earlier = guard.claimBody(strategy.id(), entry.bodyHash, mine);
    }
    if (earlier.isPresent()) {
      return duplicate(entry, earlier.get());
    }
    return execute(understood.broker(), strategy, alert.toSignal(understood.symbol(), alertTime, entry.receivedAt),
        entry, mine);
  }

  /**
   * What a delivery would do now, without doing it: the orders planned on the account as it stands,
   * or the refusal the webhook would answer. Nothing is traded, journaled, claimed against
   * duplicates or counted against the strategy's rate, and the sender's address is not checked
   * (a preview comes from the operator, not from TradingView).
   */
  Preview preview(Delivery delivery) {
    JournalEntry scratch = new JournalEntry(ids.next(), clock.instant()); // never recorded
    Intake.Understood understood = intake.read(delivery, scratch, false);
    Signal signal = understood.alert().toSignal(understood.symbol(), understood.alert().instant(), scratch.receivedAt);
    // Planning changes nothing; a refusal from it (a limit, say) fails the preview alone.
    CompletableFuture<Preview> planned = understood.broker().ask(desk -> {
      Strategy now = strategies.checkStillTrading(understood.strategy());
      Plan plan = planner.plan(desk, now, signal, Source.signal(scratch.id));
      Tick price = signal.symbol() == null ? null : desk.price(signal.symbol()).orElse(null);
      return Preview.of(now, scratch.action, signal.symbol(), price, plan);
    });
    try {
      return deadlines.await(planned, deadline(scratch));
    } catch (TimeoutException e) {
      throw ApiException.unavailable("account " + understood.broker().id() + " did not answer in time: it answers "
          + "once its last change is committed, and the database has not taken it yet (/health says how the "
          + "database is); try the preview again");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the bridge is stopping");
    }
  }

  /** One turn on the account; the answer within the wait, else PENDING while the turn goes on. */
  private SignalAnswer execute(Broker broker, Strategy strategy, Signal signal, JournalEntry entry,
      DuplicateGuard.Claim mine) {
    inFlight.put(entry.id, entry);
    entry.recorded = true;
    CompletableFuture<SignalAnswer> settled = broker.perform(desk -> turn(desk, strategy, signal, entry))
        .handle((turn, failure) -> settle(strategy, entry, mine, turn, failure));
    try {
      return deadlines.await(settled, deadline(entry));
    } catch (TimeoutException e) {
      outcomes.notFinishedInTime(entry);
      return new SignalAnswer(entry.id, SignalStatus.PENDING, SignalAnswer.NO_RESULTS,
          "the account has not finished yet; follow it at GET /api/signals/" + entry.id);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the bridge is stopping");
    }
  }

  /**
   * What a turn ended in: the answer, or the refusal (the claim given up so a corrected retry can
   * trade), or, when the commit broke off unconfirmed, PENDING until the journal tells.
   */
  private SignalAnswer settle(Strategy strategy, JournalEntry entry, DuplicateGuard.Claim mine, Turn turn,
      Throwable failure) {
    if (root(failure) instanceof OutcomeUnknownException) {
      return unconfirmed(entry, mine);
    }
    inFlight.remove(entry.id);
    if (turn instanceof Turn.Done done) {
      if (done.brokerRefused()) {
        outcomes.refusedByBroker(entry, done.answer());
      }
      mine.answer.complete(done.answer());
      return done.answer();
    }
    ApiException refusal;
    if (turn instanceof Turn.Refused refused) {
      refusal = refused.reason();
    } else {
      // The account could not commit (the database is away) or is stopping: nothing was done.
      String reason = rootMessage(failure);
      refusal = ApiException.unavailable("the account did not take the signal: " + reason
          + (reason.endsWith("nothing was done") ? "" : "; nothing was done"));
      journal.append(entry.refused(refusal, clock.instant()));
    }
    guard.release(strategy.id(), entry.idempotencyKey, entry.bodyHash, mine);
    mine.answer.completeExceptionally(refusal);
    throw refusal;
  }

  /**
   * The signal may have traded: it stays in flight (listed PENDING) and keeps its claim, so a repeat
   * cannot trade it a second time, until the journal says what became of it.
   */
  private SignalAnswer unconfirmed(JournalEntry entry, DuplicateGuard.Claim mine) {
    outcomes.unconfirmed(entry);
    SignalAnswer pending = new SignalAnswer(entry.id, SignalStatus.PENDING, SignalAnswer.NO_RESULTS,
        "the connection to the database broke while the signal was being committed, so whether it traded is not "
            + "known yet; follow it at GET /api/signals/" + entry.id);
    mine.answer.complete(pending);
    unconfirmed.follow(entry, settled -> inFlight.remove(settled.id));
    return pending;
  }

  /**
   * Runs on the account's thread: plans, trades and records the signal in the same commit. A
   * refusal from planning changes nothing on the account but is recorded there too.
   */
  private Turn turn(TradingDesk desk, Strategy strategy, Signal signal, JournalEntry entry) {
    Plan plan;
    try {
      plan = planner.plan(desk, strategies.checkStillTrading(strategy), signal, Source.signal(entry.id));
    } catch (ApiException refused) {
      desk.record(entry.refused(refused, clock.instant()));
      return new Turn.Refused(refused);
    } catch (BrokerUnavailableException unavailable) {
      ApiException refused = ApiException.unavailable(unavailable.getMessage());
      desk.record(entry.refused(refused, clock.instant()));
      return new Turn.Refused(refused);
    } catch (RuntimeException bug) {
      log.atError().setMessage("planning a signal failed").setCause(bug).addKeyValue("signal", entry.id).log();
      ApiException refused = new ApiException(ErrorCode.INTERNAL, "internal error; the bridge logged the details", null);
      desk.record(entry.refused(refused, clock.instant()));
      return new Turn.Refused(refused);
    }
    List<TradeResult> results = plan.run(desk);
    boolean refusedAll = !results.isEmpty() && results.stream().noneMatch(TradeResult::success);
    SignalStatus status = refusedAll ? SignalStatus.REJECTED : SignalStatus.EXECUTED;
    String rendered = json.writeValueAsString(results.stream().map(BrokerJson.Result::of).toList());
    String outcome = plan.outcome(results);
    desk.record(entry.carriedOut(status, rendered, outcome, clock.instant()));
    return new Turn.Done(new SignalAnswer(entry.id, status, rendered, outcome),
        results.stream().anyMatch(result -> !result.success()));
  }

  /** A repeat of an alert: the first's answer, never a second trade. */
  private SignalAnswer duplicate(JournalEntry entry, DuplicateGuard.Claim earlier) {
    SignalAnswer answer;
    try {
      SignalAnswer first = deadlines.await(earlier.answer, deadline(entry));
      answer = new SignalAnswer(earlier.signalId, SignalStatus.DUPLICATE, first.results(),
          "already received at " + earlier.receivedAt + " as " + first.status() + "; not executed again"
              + (first.message() == null ? "" : " (" + first.message() + ")"));
    } catch (TimeoutException e) {
      answer = new SignalAnswer(earlier.signalId, SignalStatus.DUPLICATE, SignalAnswer.NO_RESULTS,
          "the first delivery is still being carried out; follow it at GET /api/signals/" + earlier.signalId);
    } catch (ExecutionException e) {
      // The first was refused: so is its repeat, for the same reason.
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the bridge is stopping");
    }
    entry.recorded = true;
    journal.append(entry.duplicateOf(earlier.signalId, clock.instant()));
    return answer;
  }

  /**
   * An identified alert's key: its time (epoch milliseconds in 16 hex digits, zeros when it is not a
   * timestamp) then the SHA-256 of its id and time. The time in front makes the journal's unique
   * index on (strategy, key) grow at its end; keyed by the bare hash, inserts landed all over it, and
   * once it outgrew MariaDB's buffer pool every signal cost disk reads (BENCHMARKS §3).
   *
   * @param alertTime {@code alert.instant()}, which the caller has read already
   */
  static String idempotencyKey(Alert alert, Instant alertTime) {
    return HexFormat.of().toHexDigits(keyTime(alert, alertTime)) + Sha256.hex(alert.id() + "\n" + alert.time());
  }

  /**
   * The key's front. A time of digits alone goes in as the number it is, as it did before epoch
   * seconds were read as seconds: the same alert keeps the same key across that upgrade, so one
   * sent again after it is still a duplicate. (Seconds grow as time does, so the index still grows
   * at its end.)
   */
  private static long keyTime(Alert alert, Instant alertTime) {
    if (alertTime == null) {
      return 0;
    }
    Long epoch = alert.epochNumber();
    return epoch != null ? epoch : Math.max(0, alertTime.toEpochMilli());
  }

  private Instant deadline(JournalEntry entry) {
    return entry.receivedAt.plus(settings.answerWithin());
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApiException api) {
      return api;
    }
    return ApiException.unavailable("the signal was not carried out: " + rootMessage(cause));
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = root(failure);
    return cause == null ? "unknown" : String.valueOf(cause.getMessage());
  }

  private static Throwable root(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  /** How a signal's turn on its account ended. */
  private sealed interface Turn {
    /** @param brokerRefused whether the broker refused any of the signal's orders */
    record Done(SignalAnswer answer, boolean brokerRefused) implements Turn {}

    record Refused(ApiException reason) implements Turn {}
  }
}
