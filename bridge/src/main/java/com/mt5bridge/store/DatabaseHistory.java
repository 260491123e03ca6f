package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.BROKER_STATE;
import static com.mt5bridge.store.schema.Tables.EQUITY_SNAPSHOTS;
import static com.mt5bridge.store.schema.Tables.SYMBOLS;
import static com.mt5bridge.store.schema.Tables.TRADES;

import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.CurrencyDigits;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.DealType;
import com.mt5bridge.broker.TradeHistory;
import com.mt5bridge.store.schema.tables.records.TradesRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Deals and the equity curve, read from MariaDB by account and time on their indexes
 * ({@code trades (account_id, time, ticket)}, {@code equity_snapshots (account_id, time)}): the
 * newest {@code limit} rows of the range, returned oldest first.
 */
public final class DatabaseHistory implements TradeHistory {

  private final DSLContext db;
  private final Map<String, Scales> scales = new ConcurrentHashMap<>();

  public DatabaseHistory(DSLContext db) {
    this.db = db;
  }

  /** The decimals an account shows money, prices and volumes with. */
  private record Scales(int money, Map<String, Integer> priceDigits) {}

  @Override
  public List<Deal> deals(String account, Long magic, Instant from, Instant to, int limit) {
    Condition range = DSL.and(TRADES.ACCOUNT_ID.eq(account),
        magic == null ? DSL.noCondition() : TRADES.MAGIC.eq(magic),
        from == null ? DSL.noCondition() : TRADES.TIME.ge(from),
        to == null ? DSL.noCondition() : TRADES.TIME.lt(to));
    try {
      Scales s = scales(account);
      List<Deal> newestFirst = db.selectFrom(TRADES).where(range)
          .orderBy(TRADES.TIME.desc(), TRADES.TICKET.desc()).limit(limit)
          .fetch(r -> deal(r, s));
      List<Deal> deals = new ArrayList<>(newestFirst);
      Collections.reverse(deals);
      return deals;
    } catch (DataAccessException e) {
      throw new BrokerUnavailableException("the database does not answer; try again shortly");
    }
  }

  @Override
  public java.math.BigDecimal realized(String account, long magic, Instant from) {
    try {
      java.math.BigDecimal sum = db.select(DSL.sum(TRADES.PROFIT.plus(TRADES.COMMISSION).plus(TRADES.SWAP)))
          .from(TRADES)
          .where(TRADES.ACCOUNT_ID.eq(account), TRADES.TIME.ge(from), TRADES.MAGIC.eq(magic))
          .fetchOne(0, java.math.BigDecimal.class);
      return sum == null ? java.math.BigDecimal.ZERO : sum;
    } catch (DataAccessException e) {
      throw new BrokerUnavailableException("the deal history cannot be read: the database does not answer");
    }
  }

  @Override
  public List<EquityPoint> equity(String account, Instant from, Instant to, Duration step, int limit) {
    Condition range = DSL.and(EQUITY_SNAPSHOTS.ACCOUNT_ID.eq(account),
        from == null ? DSL.noCondition() : EQUITY_SNAPSHOTS.TIME.ge(from),
        to == null ? DSL.noCondition() : EQUITY_SNAPSHOTS.TIME.lt(to));
    try {
      int money = scales(account).money();
      return step == null ? everyPoint(range, limit, money) : steps(account, range, step, limit, money);
    } catch (DataAccessException e) {
      throw new BrokerUnavailableException("the database does not answer; try again shortly");
    }
  }

  private List<EquityPoint> everyPoint(Condition range, int limit, int money) {
    List<EquityPoint> points = new ArrayList<>(db.select(EQUITY_SNAPSHOTS.TIME, EQUITY_SNAPSHOTS.BALANCE,
            EQUITY_SNAPSHOTS.EQUITY, EQUITY_SNAPSHOTS.MARGIN)
        .from(EQUITY_SNAPSHOTS).where(range)
        .orderBy(EQUITY_SNAPSHOTS.TIME.desc(), EQUITY_SNAPSHOTS.ID.desc()).limit(limit)
        .fetch(r -> new EquityPoint(r.value1(), Decimals.atLeast(r.value2(), money),
            Decimals.atLeast(r.value3(), money), Decimals.atLeast(r.value4(), money))));
    Collections.reverse(points);
    return points;
  }

  /**
   * The newest {@code limit} steps, grouped in MariaDB so that a month of one-second points does not
   * cross the wire, then each step's last point read back by its time (of several at that time, the
   * last written).
   */
  private List<EquityPoint> steps(String account, Condition range, Duration step, int limit, int money) {
    // Whole seconds since the epoch, without the session's time zone (the column holds UTC).
    Field<Long> bucket = DSL.field("TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', {0}) DIV {1}", SQLDataType.BIGINT,
        EQUITY_SNAPSHOTS.TIME, DSL.inline(step.toSeconds()));
    Field<Instant> last = DSL.max(EQUITY_SNAPSHOTS.TIME).as("last_time");
    Field<BigDecimal> low = DSL.min(EQUITY_SNAPSHOTS.EQUITY).as("equity_low");
    Field<BigDecimal> high = DSL.max(EQUITY_SNAPSHOTS.EQUITY).as("equity_high");
    Table<?> steps = db.select(last, low, high).from(EQUITY_SNAPSHOTS).where(range)
        .groupBy(bucket).orderBy(bucket.desc()).limit(limit).asTable("steps");
    List<EquityPoint> points = new ArrayList<>();
    db.select(EQUITY_SNAPSHOTS.TIME, EQUITY_SNAPSHOTS.BALANCE, EQUITY_SNAPSHOTS.EQUITY, EQUITY_SNAPSHOTS.MARGIN,
            steps.field(low), steps.field(high))
        .from(steps).join(EQUITY_SNAPSHOTS)
        .on(EQUITY_SNAPSHOTS.ACCOUNT_ID.eq(account).and(EQUITY_SNAPSHOTS.TIME.eq(steps.field(last))))
        .orderBy(EQUITY_SNAPSHOTS.TIME, EQUITY_SNAPSHOTS.ID)
        .forEach(r -> {
          EquityPoint point = new EquityPoint(r.value1(), Decimals.atLeast(r.value2(), money),
              Decimals.atLeast(r.value3(), money), Decimals.atLeast(r.value4(), money),
              Decimals.atLeast(r.value5(), money), Decimals.atLeast(r.value6(), money));
          if (!points.isEmpty() && points.getLast().time().equals(point.time())) {
            points.set(points.size() - 1, point);
          } else {
            points.add(point);
          }
        });
    return points;
  }

  private Scales scales(String account) {
    Scales cached = scales.get(account);
    if (cached != null) {
      return cached;
    }
    String currency = db.select(BROKER_STATE.CURRENCY).from(BROKER_STATE)
        .where(BROKER_STATE.ACCOUNT_ID.eq(account)).fetchOne(BROKER_STATE.CURRENCY);
    Map<String, Integer> digits = db.select(SYMBOLS.NAME, SYMBOLS.DIGITS).from(SYMBOLS)
        .where(SYMBOLS.ACCOUNT_ID.eq(account)).fetchMap(SYMBOLS.NAME, SYMBOLS.DIGITS);
    Scales loaded = new Scales(CurrencyDigits.of(currency == null ? "USD" : currency), Map.copyOf(digits));
    scales.put(account, loaded);
    return loaded;
  }

  private static Deal deal(TradesRecord r, Scales s) {
    int money = s.money();
    int digits = s.priceDigits().getOrDefault(r.getSymbol(), 0);
    return new Deal(r.getTicket(), r.getOrderTicket(), r.getPositionId(), r.getSymbol(), DealType.valueOf(r.getType()),
        DealEntry.valueOf(r.getEntry()), Decimals.clean(r.getVolume()), Decimals.atLeast(r.getPrice(), digits),
        Decimals.atLeast(r.getProfit(), money), Decimals.atLeast(r.getCommission(), money),
        Decimals.atLeast(r.getSwap(), money), DealReason.valueOf(r.getReason()), r.getMagic(), r.getComment(),
        r.getTime(), r.getSignalId());
  }
}
