package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.EQUITY_SNAPSHOTS;
import static com.mt5bridge.store.schema.Tables.ORDERS;
import static com.mt5bridge.store.schema.Tables.POSITIONS;
import static com.mt5bridge.store.schema.Tables.SIGNALS;
import static com.mt5bridge.store.schema.Tables.TRADES;

import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.SignalRecord;

/** How the journal's appended and upserted rows are read from the broker's records, column by column. */
final class JournalRows {

  private JournalRows() {}

  static final Columns<Deal> DEAL_ROW = Columns.<Deal>ofAccount(TRADES.ACCOUNT_ID)
      .with(TRADES.TICKET, Deal::ticket)
      .with(TRADES.ORDER_TICKET, Deal::order)
      .with(TRADES.POSITION_ID, Deal::position)
      .with(TRADES.SYMBOL, Deal::symbol)
      .with(TRADES.TYPE, d -> d.type().name())
      .with(TRADES.ENTRY, d -> d.entry().name())
      .with(TRADES.VOLUME, Deal::volume)
      .with(TRADES.PRICE, Deal::price)
      .with(TRADES.PROFIT, Deal::profit)
      .with(TRADES.COMMISSION, Deal::commission)
      .with(TRADES.SWAP, Deal::swap)
      .with(TRADES.REASON, d -> d.reason().name())
      .with(TRADES.MAGIC, Deal::magic)
      .with(TRADES.COMMENT, Deal::comment)
      .with(TRADES.SIGNAL_ID, Deal::signalId)
      .with(TRADES.TIME, Deal::time);

  static final Columns<Order> ORDER_ROW = Columns.<Order>ofAccount(ORDERS.ACCOUNT_ID)
      .with(ORDERS.TICKET, Order::ticket)
      .with(ORDERS.SYMBOL, Order::symbol)
      .with(ORDERS.TYPE, o -> o.type().name())
      .with(ORDERS.STATE, o -> o.state().name())
      .with(ORDERS.VOLUME_INITIAL, Order::volumeInitial)
      .with(ORDERS.VOLUME_CURRENT, Order::volumeCurrent)
      .with(ORDERS.PRICE_OPEN, Order::priceOpen)
      .with(ORDERS.STOP_LIMIT, Order::stopLimit)
      .with(ORDERS.SL, Order::sl)
      .with(ORDERS.TP, Order::tp)
      .with(ORDERS.EXPIRATION_TYPE, o -> o.expiration().type().name())
      .with(ORDERS.EXPIRATION_TIME, o -> o.expiration().time())
      .with(ORDERS.POSITION_ID, Order::positionId)
      .with(ORDERS.POSITION_BY_ID, Order::positionById)
      .with(ORDERS.REASON, o -> o.reason().name())
      .with(ORDERS.MAGIC, Order::magic)
      .with(ORDERS.COMMENT, Order::comment)
      .with(ORDERS.SIGNAL_ID, Order::signalId)
      .with(ORDERS.TIME_SETUP, Order::timeSetup)
      .with(ORDERS.TIME_DONE, Order::timeDone);

  static final Columns<Position> POSITION_ROW = Columns.<Position>ofAccount(POSITIONS.ACCOUNT_ID)
      .with(POSITIONS.TICKET, Position::ticket)
      .with(POSITIONS.SYMBOL, Position::symbol)
      .with(POSITIONS.TYPE, p -> p.type().name())
      .with(POSITIONS.VOLUME, Position::volume)
      .with(POSITIONS.PRICE_OPEN, Position::priceOpen)
      .with(POSITIONS.SL, Position::sl)
      .with(POSITIONS.TP, Position::tp)
      .with(POSITIONS.SWAP, Position::swap)
      .with(POSITIONS.COMMISSION, Position::commission)
      .with(POSITIONS.MAGIC, Position::magic)
      .with(POSITIONS.COMMENT, Position::comment)
      .with(POSITIONS.TIME_OPEN, Position::timeOpen)
      .with(POSITIONS.TIME_UPDATE, Position::timeUpdate);

  static final Columns<AccountFigures> EQUITY_ROW = Columns.<AccountFigures>ofAccount(EQUITY_SNAPSHOTS.ACCOUNT_ID)
      .with(EQUITY_SNAPSHOTS.TIME, AccountFigures::time)
      .with(EQUITY_SNAPSHOTS.BALANCE, AccountFigures::balance)
      .with(EQUITY_SNAPSHOTS.EQUITY, AccountFigures::equity)
      .with(EQUITY_SNAPSHOTS.MARGIN, AccountFigures::margin);

  static final Columns<SignalRecord> SIGNAL_ROW = Columns.<SignalRecord>of()
      .with(SIGNALS.ID, SignalRecord::id)
      .with(SIGNALS.STRATEGY_ID, SignalRecord::strategy)
      .with(SIGNALS.ACCOUNT_ID, SignalRecord::account)
      .with(SIGNALS.IDEMPOTENCY_KEY, SignalRecord::idempotencyKey)
      .with(SIGNALS.BODY_HASH, SignalRecord::bodyHash)
      .with(SIGNALS.STATUS, s -> s.status().name())
      .with(SIGNALS.ACTION, SignalRecord::action)
      .with(SIGNALS.SYMBOL, SignalRecord::symbol)
      .with(SIGNALS.SOURCE_IP, SignalRecord::sourceIp)
      .with(SIGNALS.CONTENT_TYPE, SignalRecord::contentType)
      .with(SIGNALS.BODY, SignalRecord::body)
      .with(SIGNALS.ERROR_CODE, s -> s.error() == null ? null : s.error().code())
      .with(SIGNALS.ERROR_MESSAGE, s -> s.error() == null ? null : s.error().message())
      .with(SIGNALS.ERROR_FIELD, s -> s.error() == null ? null : s.error().field())
      .with(SIGNALS.RESULT, SignalRecord::results)
      .with(SIGNALS.MESSAGE, SignalRecord::message)
      .with(SIGNALS.DUPLICATE_OF, SignalRecord::duplicateOf)
      .with(SIGNALS.RECEIVED_AT, SignalRecord::receivedAt)
      .with(SIGNALS.COMPLETED_AT, SignalRecord::completedAt);
}
