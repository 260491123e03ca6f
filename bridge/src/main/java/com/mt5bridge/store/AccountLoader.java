package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.BROKER_STATE;
import static com.mt5bridge.store.schema.Tables.ORDERS;
import static com.mt5bridge.store.schema.Tables.POSITIONS;
import static com.mt5bridge.store.schema.Tables.SYMBOLS;

import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountServedElsewhereException;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.ExpirationType;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderState;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.SwapMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.UnknownAccountException;
import com.mt5bridge.broker.sim.AccountState;
import com.mt5bridge.store.schema.tables.records.BrokerStateRecord;
import com.mt5bridge.store.schema.tables.records.OrdersRecord;
import com.mt5bridge.store.schema.tables.records.PositionsRecord;
import com.mt5bridge.store.schema.tables.records.SymbolsRecord;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Reads an account back as committed, to rebuild its engine at start-up or after a failed commit.
 * At start-up a bridge takes the account over ({@link #claim}); after that it loads it only while the
 * account is still its own ({@link #load}), as the journal commits its changes only then.
 */
public final class AccountLoader {

  private final DSLContext db;
  private final String bridge;

  /** @param bridge this bridge, as {@code broker_state.owner} names the one serving an account */
  public AccountLoader(DSLContext db, String bridge) {
    this.db = db;
    this.bridge = bridge;
  }

  public List<String> accountIds() {
    return db.select(BROKER_STATE.ACCOUNT_ID).from(BROKER_STATE).orderBy(BROKER_STATE.ACCOUNT_ID)
        .fetch(BROKER_STATE.ACCOUNT_ID);
  }

  /**
   * An account taken over.
   *
   * @param from the bridge that served it before (an earlier run of this one, after a restart), or
   *     null if none did
   */
  public record Claim(AccountState account, String from) {}

  /**
   * Takes the account over for this bridge, then reads it as committed, in one transaction: a commit
   * of a bridge that served it before either landed first (and is read here) or finds the account
   * no longer its own and changes nothing.
   */
  public Claim claim(String id) {
    return db.transactionResult(tx -> {
      DSLContext dsl = tx.dsl();
      String before = dsl.select(BROKER_STATE.OWNER).from(BROKER_STATE).where(BROKER_STATE.ACCOUNT_ID.eq(id))
          .forUpdate().fetchOne(BROKER_STATE.OWNER);
      dsl.update(BROKER_STATE).set(BROKER_STATE.OWNER, bridge).where(BROKER_STATE.ACCOUNT_ID.eq(id)).execute();
      return new Claim(read(dsl, id), bridge.equals(before) ? null : before);
    });
  }

  /**
   * The account as committed, while it is this bridge's; {@link AccountServedElsewhereException}
   * once another bridge has taken it over.
   */
  public AccountState load(String id) {
    return db.transactionResult(tx -> read(tx.dsl(), id));
  }

  /** The accounts another bridge has taken over, with the bridge that serves each. */
  public Map<String, String> servedElsewhere() {
    return db.select(BROKER_STATE.ACCOUNT_ID, BROKER_STATE.OWNER).from(BROKER_STATE)
        .where(BROKER_STATE.OWNER.isNotNull(), BROKER_STATE.OWNER.ne(bridge))
        .fetchMap(BROKER_STATE.ACCOUNT_ID, BROKER_STATE.OWNER);
  }

  /**
   * Read in one transaction, so that the tables agree with each other; only while the account is this
   * bridge's (or no bridge's yet: a row written before owners were kept).
   */
  private AccountState read(DSLContext dsl, String id) {
    BrokerStateRecord state = dsl.selectFrom(BROKER_STATE).where(BROKER_STATE.ACCOUNT_ID.eq(id)).fetchOne();
    if (state == null) {
      throw new UnknownAccountException(id);
    }
    if (state.getOwner() != null && !state.getOwner().equals(bridge)) {
      throw new AccountServedElsewhereException(AccountServedElsewhereException.reason(id, state.getOwner()));
    }
    List<SymbolSpec> specs = new ArrayList<>();
    List<Tick> prices = new ArrayList<>();
    for (SymbolsRecord row : dsl.selectFrom(SYMBOLS).where(SYMBOLS.ACCOUNT_ID.eq(id)).orderBy(SYMBOLS.NAME)) {
      specs.add(spec(row));
      if (row.getBid() != null && row.getAsk() != null && row.getPriceTime() != null) {
        prices.add(new Tick(row.getName(), Decimals.clean(row.getBid()), Decimals.clean(row.getAsk()),
            row.getPriceTime()));
      }
    }
    List<Position> positions = dsl.selectFrom(POSITIONS).where(POSITIONS.ACCOUNT_ID.eq(id))
        .orderBy(POSITIONS.TICKET).fetch(AccountLoader::position);
    List<Order> orders = dsl.selectFrom(ORDERS)
        .where(ORDERS.ACCOUNT_ID.eq(id), ORDERS.STATE.eq(OrderState.PLACED.name()))
        .orderBy(ORDERS.TICKET).fetch(AccountLoader::order);
    AccountSettings settings = new AccountSettings(id, AccountMode.valueOf(state.getMode()),
        MarginMode.valueOf(state.getMarginMode()), state.getCurrency(), Decimals.clean(state.getBalance()),
        state.getLeverage(), StopOutMode.valueOf(state.getStopOutMode()),
        Decimals.clean(state.getMarginCallLevel()), Decimals.clean(state.getStopOutLevel()),
        Decimals.clean(state.getCommissionPerLot()), state.getLogin(), specs, Policies.read(state.getOptions()));
    return new AccountState(settings, state.getBalance(), state.getCredit(), state.getRealizedPnl(),
        state.getAccountTime() != null ? state.getAccountTime() : state.getCreatedAt(), state.getNextTicket(),
        positions, orders, prices);
  }

  private static SymbolSpec spec(SymbolsRecord r) {
    return new SymbolSpec(r.getName(), r.getDigits(), Decimals.clean(r.getContractSize()),
        CalcMode.valueOf(r.getCalcMode()), Decimals.clean(r.getMarginRate()), Decimals.clean(r.getInitialMargin()),
        Decimals.clean(r.getTickSize()), Decimals.clean(r.getTickValue()), r.getCurrencyBase(), r.getCurrencyProfit(),
        r.getCurrencyMargin(), Decimals.clean(r.getVolumeMin()), Decimals.clean(r.getVolumeMax()),
        Decimals.clean(r.getVolumeStep()), r.getStopsLevel(), r.getFreezeLevel(), SwapMode.valueOf(r.getSwapMode()),
        Decimals.clean(r.getSwapLong()), Decimals.clean(r.getSwapShort()), DayOfWeek.valueOf(r.getSwapTripleDay()));
  }

  private static Position position(PositionsRecord r) {
    return new Position(r.getTicket(), r.getSymbol(), Side.valueOf(r.getType()), r.getVolume(), r.getPriceOpen(),
        BigDecimal.ZERO, r.getSl(), r.getTp(), BigDecimal.ZERO, r.getSwap(), r.getCommission(), r.getMagic(),
        r.getComment(), r.getTimeOpen(), r.getTimeUpdate());
  }

  private static Order order(OrdersRecord r) {
    return new Order(r.getTicket(), r.getSymbol(), OrderType.valueOf(r.getType()), OrderState.valueOf(r.getState()),
        r.getVolumeInitial(), r.getVolumeCurrent(), r.getPriceOpen(), r.getStopLimit(), r.getSl(), r.getTp(),
        new Expiration(ExpirationType.valueOf(r.getExpirationType()), r.getExpirationTime()), r.getPositionId(),
        r.getPositionById(), DealReason.valueOf(r.getReason()), r.getMagic(), r.getComment(), r.getTimeSetup(),
        r.getTimeDone(), r.getSignalId());
  }
}
