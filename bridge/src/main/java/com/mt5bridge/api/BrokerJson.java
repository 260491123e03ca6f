package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.TradeHistory;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The contract's JSON for accounts, positions, orders, deals and trade results: records out, nothing else. */
public final class BrokerJson {

  private BrokerJson() {}

  record State(String id, String mode, String marginMode, String currency, int leverage, String serverTimeZone,
      BigDecimal balance,
      BigDecimal credit, BigDecimal equity, BigDecimal profit, BigDecimal margin, BigDecimal freeMargin,
      BigDecimal marginLevel, boolean marginCall, boolean connected, Instant time, BigDecimal realizedPnl,
      List<PositionView> positions, List<OrderView> orders) {

    static State of(AccountSnapshot s) {
      AccountFigures f = s.figures();
      return new State(s.id(), s.mode().name(), s.marginMode().name(), s.currency(), s.leverage(),
          s.serverTimeZone().getId(), f.balance(),
          f.credit(), f.equity(), f.profit(), f.margin(), f.freeMargin(), f.marginLevel(), f.marginCall(),
          s.connected(), f.time(), f.realizedPnl(), s.positions().stream().map(PositionView::of).toList(),
          s.orders().stream().map(OrderView::of).toList());
    }
  }

  /** An account in {@code GET /api/broker/all}: the state without positions and orders, plus counts. */
  record Summary(String id, String mode, String marginMode, String currency, int leverage, String serverTimeZone,
      BigDecimal balance,
      BigDecimal credit, BigDecimal equity, BigDecimal profit, BigDecimal margin, BigDecimal freeMargin,
      BigDecimal marginLevel, boolean marginCall, boolean connected, Instant time, BigDecimal realizedPnl,
      int positionsCount, int ordersCount, long latencyMs) {

    static Summary of(AccountSnapshot s) {
      AccountFigures f = s.figures();
      return new Summary(s.id(), s.mode().name(), s.marginMode().name(), s.currency(), s.leverage(),
          s.serverTimeZone().getId(), f.balance(),
          f.credit(), f.equity(), f.profit(), f.margin(), f.freeMargin(), f.marginLevel(), f.marginCall(),
          s.connected(), f.time(), f.realizedPnl(), s.positions().size(), s.orders().size(), s.latencyMs());
    }
  }

  record PositionView(long ticket, String symbol, String type, BigDecimal volume, BigDecimal priceOpen,
      BigDecimal priceCurrent, BigDecimal sl, BigDecimal tp, BigDecimal profit, BigDecimal swap, BigDecimal commission,
      long magic, String comment, Instant timeOpen, Instant timeUpdate) {

    static PositionView of(Position p) {
      return new PositionView(p.ticket(), p.symbol(), p.type().name(), p.volume(), p.priceOpen(), p.priceCurrent(),
          p.sl(), p.tp(), p.profit(), p.swap(), p.commission(), p.magic(), p.comment(), p.timeOpen(), p.timeUpdate());
    }
  }

  /** A position with the account it belongs to, for the consolidated view. */
  record AccountPosition(String account, long ticket, String symbol, String type, BigDecimal volume,
      BigDecimal priceOpen, BigDecimal priceCurrent, BigDecimal sl, BigDecimal tp, BigDecimal profit, BigDecimal swap,
      BigDecimal commission, long magic, String comment, Instant timeOpen, Instant timeUpdate) {

    static AccountPosition of(String account, Position p) {
      return new AccountPosition(account, p.ticket(), p.symbol(), p.type().name(), p.volume(), p.priceOpen(),
          p.priceCurrent(), p.sl(), p.tp(), p.profit(), p.swap(), p.commission(), p.magic(), p.comment(),
          p.timeOpen(), p.timeUpdate());
    }
  }

  public record ExpirationView(String type, Instant time) {
    public static ExpirationView of(Expiration e) {
      return new ExpirationView(e.type().name(), e.time());
    }
  }

  record OrderView(long ticket, String symbol, String type, String state, BigDecimal volume, BigDecimal volumeInitial,
      BigDecimal priceOpen, BigDecimal stopLimit, BigDecimal sl, BigDecimal tp, ExpirationView expiration, long magic,
      String comment, Instant timeSetup, Instant timeDone, long position) {

    static OrderView of(Order o) {
      return new OrderView(o.ticket(), o.symbol(), o.type().name(), o.state().name(), o.volumeCurrent(),
          o.volumeInitial(), o.priceOpen(), o.stopLimit(), o.sl(), o.tp(), ExpirationView.of(o.expiration()),
          o.magic(), o.comment(), o.timeSetup(), o.timeDone(), o.positionId());
    }
  }

  record DealView(long ticket, long order, long position, String symbol, String type, String entry, BigDecimal volume,
      BigDecimal price, BigDecimal profit, BigDecimal commission, BigDecimal swap, String reason, long magic,
      String comment, Instant time) {

    static DealView of(Deal d) {
      return new DealView(d.ticket(), d.order(), d.position(), d.symbol(), d.type().name(), d.entry().name(),
          d.volume(), d.price(), d.profit(), d.commission(), d.swap(), d.reason().name(), d.magic(), d.comment(),
          d.time());
    }
  }

  /** A point of the equity curve; a step's (with {@code ?step=}) also has its lowest and highest equity. */
  record EquityView(Instant time, BigDecimal balance, BigDecimal equity, BigDecimal margin,
      @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal equityLow,
      @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal equityHigh) {
    static EquityView of(TradeHistory.EquityPoint p) {
      return new EquityView(p.time(), p.balance(), p.equity(), p.margin(), p.equityLow(), p.equityHigh());
    }
  }

  /** MT5's trade result; a refused trade also carries the contract's {@code error}. */
  public record Result(int retcode, String retcodeName, long order, long deal, long position, BigDecimal volume,
      BigDecimal price, BigDecimal bid, BigDecimal ask, String comment,
      @JsonInclude(JsonInclude.Include.NON_NULL) ErrorBody.Detail error) {

    public static Result of(TradeResult r) {
      ErrorBody.Detail error = r.success() ? null
          : ErrorBody.of(ErrorCode.INVALID, refusal(r), fieldOf(r.retcode())).error();
      return new Result(r.retcode().code(), r.retcode().name(), r.order(), r.deal(), r.position(), r.volume(),
          r.price(), r.bid(), r.ask(), r.comment(), error);
    }

    private static String refusal(TradeResult r) {
      String reason = r.comment() == null || r.comment().isEmpty() ? "" : ": " + r.comment();
      return "the trade was refused with " + r.retcode().code() + " " + r.retcode().name() + reason;
    }

    /** The request field a refusal is about, when the retcode says. */
    private static String fieldOf(Retcode retcode) {
      return switch (retcode) {
        case INVALID_VOLUME, INVALID_CLOSE_VOLUME, NO_MONEY -> "volume";
        case INVALID_PRICE -> "price";
        case INVALID_EXPIRATION -> "expiration";
        case MARKET_CLOSED -> "symbol";
        case POSITION_CLOSED -> "position";
        case INVALID_ORDER -> "order";
        default -> null;
      };
    }
  }

  record Results(List<Result> results, @JsonInclude(JsonInclude.Include.NON_NULL) ErrorBody.Detail error) {

    /** Refused (with the first refusal's error) only when every result is a refusal. */
    static Results of(List<TradeResult> results) {
      List<Result> views = results.stream().map(Result::of).toList();
      boolean allRefused = !views.isEmpty() && views.stream().allMatch(v -> v.error() != null);
      return new Results(views, allRefused ? views.get(0).error() : null);
    }
  }

  static int status(TradeResult result) {
    return result.success() ? 200 : 422;
  }
}
