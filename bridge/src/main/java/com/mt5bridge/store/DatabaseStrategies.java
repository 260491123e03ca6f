package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.AUDIT_LOG;
import static com.mt5bridge.store.schema.Tables.CONTROLS;
import static com.mt5bridge.store.schema.Tables.STRATEGIES;

import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.strategy.AllowedIps;
import com.mt5bridge.strategy.Limits;
import com.mt5bridge.strategy.SecretHash;
import com.mt5bridge.strategy.Sizing;
import com.mt5bridge.strategy.Strategy;
import com.mt5bridge.strategy.StrategyStore;
import com.mt5bridge.store.schema.tables.records.StrategiesRecord;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strategies and the kill switch in MariaDB; every change is written in one transaction with its
 * {@code audit_log} row. The secret is only ever stored as its hash, and never written to the log.
 */
public final class DatabaseStrategies implements StrategyStore {

  private static final String TRADING = "trading";
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private final DSLContext db;
  private final InstantSource clock;

  public DatabaseStrategies(DSLContext db, InstantSource clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The {@code settings} column: everything about a strategy that is not a column of its own. */
  record Stored(Map<String, String> symbolMap, String symbolPrefix, String symbolSuffix, Sizing sizing, Limits limits,
      List<String> allowedIps, Boolean exitsOnly) {

    static Stored of(Strategy s) {
      return new Stored(s.symbolMap(), s.symbolPrefix(), s.symbolSuffix(), s.sizing(), s.limits(),
          s.allowedIps().entries(), s.exitsOnly());
    }

    /** The column's JSON, also as older versions wrote it: a field added since reads as absent. */
    static Stored read(String settings) {
      return JSON.readValue(settings, Stored.class);
    }
  }

  @Override
  public List<Strategy> all() {
    return guarded(() -> db.selectFrom(STRATEGIES).orderBy(STRATEGIES.ID).fetch(DatabaseStrategies::strategy));
  }

  @Override
  public boolean tradingPaused() {
    return guarded(() -> "paused".equals(db.select(CONTROLS.VALUE).from(CONTROLS).where(CONTROLS.NAME.eq(TRADING))
        .fetchOne(CONTROLS.VALUE)));
  }

  @Override
  public void insert(Strategy strategy, String actor) {
    try {
      db.transaction(tx -> {
        tx.dsl().insertInto(STRATEGIES).set(row(strategy)).execute();
        audit(tx.dsl(), actor, "strategy.create", strategy);
      });
    } catch (DataAccessException e) {
      if (e.sqlState() != null && e.sqlState().startsWith("23")) {
        throw new StrategyExistsException(strategy.id());
      }
      throw new BrokerUnavailableException("the database does not answer; the change was not made");
    }
  }

  @Override
  public boolean update(Strategy strategy, String actor, String action) {
    return guarded(() -> db.transactionResult(tx -> {
      int updated = tx.dsl().update(STRATEGIES).set(row(strategy))
          .where(STRATEGIES.ID.eq(strategy.id()), STRATEGIES.VERSION.eq(strategy.version() - 1))
          .execute();
      if (updated == 1) {
        audit(tx.dsl(), actor, action, strategy);
      }
      return updated == 1;
    }));
  }

  @Override
  public boolean delete(String id, String actor) {
    return guarded(() -> db.transactionResult(tx -> {
      StrategiesRecord existing = tx.dsl().selectFrom(STRATEGIES).where(STRATEGIES.ID.eq(id)).forUpdate().fetchOne();
      if (existing == null) {
        return false;
      }
      tx.dsl().deleteFrom(STRATEGIES).where(STRATEGIES.ID.eq(id)).execute();
      audit(tx.dsl(), actor, "strategy.delete", strategy(existing));
      return true;
    }));
  }

  @Override
  public void setTradingPaused(boolean paused, String actor) {
    guarded(() -> {
      db.transaction(tx -> {
        tx.dsl().insertInto(CONTROLS).set(CONTROLS.NAME, TRADING).set(CONTROLS.VALUE, paused ? "paused" : "active")
            .set(CONTROLS.UPDATED_AT, clock.instant())
            .onDuplicateKeyUpdate().set(CONTROLS.VALUE, paused ? "paused" : "active")
            .set(CONTROLS.UPDATED_AT, clock.instant())
            .execute();
        tx.dsl().insertInto(AUDIT_LOG).set(AUDIT_LOG.TIME, clock.instant()).set(AUDIT_LOG.ACTOR, actor)
            .set(AUDIT_LOG.ACTION, paused ? "trading.pause" : "trading.resume").execute();
      });
      return null;
    });
  }

  private void audit(DSLContext tx, String actor, String action, Strategy strategy) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("enabled", strategy.enabled());
    detail.put("magic", strategy.magic());
    detail.put("settings", Stored.of(strategy));
    tx.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.TIME, clock.instant())
        .set(AUDIT_LOG.ACTOR, actor)
        .set(AUDIT_LOG.ACTION, action)
        .set(AUDIT_LOG.ACCOUNT_ID, strategy.account())
        .set(AUDIT_LOG.TARGET, "strategy:" + strategy.id())
        .set(AUDIT_LOG.DETAIL, JSON.writeValueAsString(detail))
        .execute();
  }

  private static StrategiesRecord row(Strategy s) {
    StrategiesRecord r = new StrategiesRecord();
    r.setId(s.id());
    r.setAccountId(s.account());
    r.setSecretHash(s.secretHash().stored());
    r.setEnabled(s.enabled());
    r.setMagic(s.magic());
    r.setSettings(JSON.writeValueAsString(Stored.of(s)));
    r.setCreatedAt(s.createdAt());
    r.setUpdatedAt(s.updatedAt());
    r.setVersion(s.version());
    return r;
  }

  private static Strategy strategy(StrategiesRecord r) {
    Stored stored = Stored.read(r.getSettings());
    return new Strategy(r.getId(), r.getAccountId(), SecretHash.parse(r.getSecretHash()), r.getEnabled(),
        Boolean.TRUE.equals(stored.exitsOnly()), r.getMagic(),
        stored.symbolMap() == null ? Map.of() : Map.copyOf(stored.symbolMap()),
        stored.symbolPrefix() == null ? "" : stored.symbolPrefix(),
        stored.symbolSuffix() == null ? "" : stored.symbolSuffix(), stored.sizing(),
        stored.limits() == null ? Limits.NONE : stored.limits(), AllowedIps.of(stored.allowedIps()),
        r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
  }

  private static <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (DataAccessException e) {
      throw new BrokerUnavailableException("the database does not answer; the change was not made");
    }
  }
}
