package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ContentEncoding;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.strategy.Action;
import com.mt5bridge.strategy.Strategies;
import com.mt5bridge.strategy.Strategy;
import com.mt5bridge.strategy.SymbolHint;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery read and checked up to its account: size, content type and UTF-8, parsed, its
 * strategy found, its sender admitted ({@link Admission}), its fields checked and its symbol
 * mapped to one the account trades. What happens next (a duplicate, a turn on the account, a
 * preview) is {@link Signals}'.
 */
final class Intake {

  private final Strategies strategies;
  private final BrokerRegistry brokers;
  private final AlertParser parser = new AlertParser();
  private final Admission admission;
  private final ClientAddress clientAddress;

  Intake(Strategies strategies, BrokerRegistry brokers, WebhookSettings settings) {
    this.strategies = strategies;
    this.brokers = brokers;
    this.admission = new Admission(strategies);
    this.clientAddress = new ClientAddress(settings.trustedProxies());
  }

  /** How alert bodies are read and written, so a journaled body is written back as it was read. */
  JsonMapper mapper() {
    return parser.mapper();
  }

  /** An alert read, its sender admitted, its fields checked and its symbol found on the account. */
  record Understood(Strategy strategy, Broker broker, Alert alert, String symbol) {}

  /**
   * Reads and checks a delivery as far as it can be without the account, filling in {@code entry}
   * as it goes so that a refusal is journaled with what was understood.
   *
   * @param live a signal to carry out (its address and rate checked), not a preview
   */
  Understood read(Delivery delivery, JournalEntry entry, boolean live) {
    InetAddress client = clientAddress.resolve(delivery.remoteAddress(), delivery.forwardedFor());
    entry.sourceIp = client == null ? null : client.getHostAddress();
    entry.contentType = delivery.contentType();
    entry.strategy = strategies.find(delivery.pathStrategy()).map(Strategy::id).orElse(null);
    if (delivery.body() == null || delivery.size() > Signals.MAX_BODY) {
      throw new ApiException(ErrorCode.TOO_LARGE,
          "the alert body is over " + Signals.MAX_BODY + " bytes, the most taken", null);
    }
    checkContentType(delivery.contentType());
    checkUncompressed(delivery.contentEncoding());
    String body = utf8(delivery.body());
    RawAlert raw;
    try {
      raw = parser.parse(body);
    } catch (ApiException malformed) {
      entry.body = Redaction.unparsed(body, delivery.querySecret());
      throw malformed;
    }
    entry.body = Redaction.of(raw, body, parser.mapper());
    // What was asked, for the journal even when the alert is refused before its fields are checked.
    Action asked = AlertFields.actionOf(raw);
    entry.action = asked == null ? null : asked.name().toLowerCase(Locale.ROOT).replace("_", "");
    String ticker = AlertFields.tickerOf(raw);
    entry.symbol = ticker == null ? null : ticker.substring(ticker.lastIndexOf(':') + 1);

    Strategy strategy = strategy(delivery.pathStrategy(), raw);
    entry.strategy = strategy.id();
    entry.account = strategy.account();
    entry.symbol = ticker == null ? null : strategy.symbolFor(ticker);
    if (live) {
      admission.admit(strategy, raw, delivery.querySecret(), client, entry);
    } else {
      admission.verify(strategy, raw, delivery.querySecret(), entry);
    }

    Alert alert = AlertFields.check(raw);
    Broker broker = brokers.find(strategy.account()).orElseThrow(() ->
        ApiException.unavailable("account " + strategy.account() + " is not available"));
    String symbol = null;
    if (alert.symbol() != null) {
      symbol = strategy.symbolFor(alert.symbol());
      String mapped = symbol;
      if (broker.symbols().stream().map(SymbolSpec::name).noneMatch(mapped::equals)) {
        throw ApiException.invalid("symbol", "account " + strategy.account() + " has no symbol " + symbol
            + (symbol.equals(alert.symbol()) ? "" : " (from " + alert.symbol() + ")")
            + SymbolHint.of(symbol, broker.symbols().stream().map(SymbolSpec::name).toList()));
      }
    }
    return new Understood(strategy, broker, alert, symbol);
  }

  private Strategy strategy(String pathStrategy, RawAlert raw) {
    String given = raw.text("strategy");
    String named = given == null ? null : given.strip(); // an id holds no spaces
    if (pathStrategy != null && named != null && !named.equals(pathStrategy)) {
      throw ApiException.invalid("strategy", "the message names strategy '" + AlertParser.clip(named)
          + "' but was posted to /webhook/" + AlertParser.clip(pathStrategy));
    }
    String id = pathStrategy != null ? pathStrategy : named;
    if (id == null || id.isBlank()) {
      throw ApiException.invalid("strategy", raw.format() == RawAlert.Format.TEXT
          ? "a text alert names its strategy in the URL: POST it to /webhook/{strategy}"
          : "name the strategy: \"strategy\" in the message, or POST to /webhook/{strategy}");
    }
    return strategies.find(id).orElseThrow(() ->
        new ApiException(ErrorCode.NOT_FOUND, "no strategy '" + AlertParser.clip(id) + "'", "strategy"));
  }

  private static void checkContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!(type.startsWith("application/json") || type.startsWith("text/plain")
        || type.startsWith("application/x-www-form-urlencoded"))) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the alert as application/json or text/plain "
          + "(as TradingView does), not " + AlertParser.clip(contentType), null);
    }
  }

  private static void checkUncompressed(String contentEncoding) {
    if (ContentEncoding.compressed(contentEncoding)) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the alert uncompressed (as TradingView does): "
          + "Content-Encoding " + AlertParser.clip(contentEncoding) + " is not read", null);
    }
  }

  private static String utf8(byte[] body) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
      // Windows tools (Notepad, PowerShell's Out-File) start UTF-8 text with a byte-order mark; left in,
      // it hides the JSON object and becomes part of the text form's secret.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw ApiException.malformed("the body is not UTF-8 text");
    }
  }
}
