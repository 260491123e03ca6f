package com.mt5bridge.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.api.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/** The contract's strategy JSON: the body of POST and PUT, and the view (never with the secret). */
public final class StrategyJson {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._#!$&+-]{1,32}");
  private static final Pattern AFFIX = Pattern.compile("[A-Za-z0-9._#!$&+-]{0,16}");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What a new strategy has where its body is silent (no account: that one must be given). */
  private static final Strategy DEFAULTS = new Strategy(null, null, null, true, false, 0, Map.of(), "", "",
      new Sizing(Sizing.Mode.FIXED, new BigDecimal("0.01"), null, null, null, null), Limits.NONE, AllowedIps.ANY,
      null, null, 0);

  private StrategyJson() {}

  public record SizingBody(String mode, BigDecimal volume, BigDecimal multiplier, BigDecimal riskPercent,
      BigDecimal equity, BigDecimal weight) {

    /**
     * @param current on a change, the strategy's sizing: without a mode, the body changes only the
     *     fields it gives within the current mode ({@code {"riskPercent": 2}} on a RISK strategy);
     *     null on creation, where FIXED is the default mode
     */
    Sizing toSizing(Sizing current) {
      if (mode == null && current != null) {
        return new SizingBody(current.mode().name(), or(volume, current.volume()), or(multiplier, current.multiplier()),
            or(riskPercent, current.riskPercent()), or(equity, current.equity()), or(weight, current.weight()))
            .toSizing(null);
      }
      Sizing.Mode parsed;
      try {
        parsed = mode == null ? Sizing.Mode.FIXED : Sizing.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("sizing.mode", "sizing.mode must be one of FIXED, CONTRACTS, RISK, ALLOCATION");
      }
      positiveIfSet(volume, "sizing.volume");
      positiveIfSet(multiplier, "sizing.multiplier");
      positiveIfSet(riskPercent, "sizing.riskPercent");
      positiveIfSet(equity, "sizing.equity");
      positiveIfSet(weight, "sizing.weight");
      switch (parsed) {
        case FIXED -> required(volume, "sizing.volume", "FIXED sizing needs a volume in lots");
        case CONTRACTS -> { }
        case RISK -> {
          required(riskPercent, "sizing.riskPercent", "RISK sizing needs riskPercent");
          if (riskPercent.compareTo(HUNDRED) > 0) {
            throw ApiException.invalid("sizing.riskPercent", "riskPercent must be at most 100");
          }
        }
        case ALLOCATION -> {
          if (equity == null && weight == null) {
            throw ApiException.invalid("sizing.weight", "ALLOCATION sizing needs an equity or a weight");
          }
        }
      }
      return new Sizing(parsed, volume, multiplier, riskPercent, equity, weight);
    }
  }

  public record LimitsBody(BigDecimal maxVolume, Integer maxPositions, BigDecimal maxDailyLoss,
      Integer maxSpreadPoints, Integer maxSignalsPerMinute, Integer maxSignalAgeSeconds) {

    /**
     * Each limit is a safeguard of its own, so one left out keeps its value in {@code base} (the
     * strategy's limits, or none on creation): {@code {"maxVolume": 2}} never drops the daily loss.
     */
    Limits toLimits(Limits base) {
      notNegative(maxVolume, "limits.maxVolume");
      notNegative(maxDailyLoss, "limits.maxDailyLoss");
      notNegative(maxPositions, "limits.maxPositions");
      notNegative(maxSpreadPoints, "limits.maxSpreadPoints");
      notNegative(maxSignalsPerMinute, "limits.maxSignalsPerMinute");
      notNegative(maxSignalAgeSeconds, "limits.maxSignalAgeSeconds");
      return new Limits(or(maxVolume, base.maxVolume()), or(maxPositions, base.maxPositions()),
          or(maxDailyLoss, base.maxDailyLoss()), or(maxSpreadPoints, base.maxSpreadPoints()),
          or(maxSignalsPerMinute, base.maxSignalsPerMinute()), or(maxSignalAgeSeconds, base.maxSignalAgeSeconds()));
    }
  }

  /**
   * POST and PUT. On PUT every field left out keeps its current value (the id, the secret, the
   * account, the limits, the allowed addresses...): leaving one out never turns a safeguard off.
   * Within {@code limits} too, each limit left out keeps its value, and within {@code sizing} when
   * it names no mode. A sizing with a mode, the symbol map and the allowed addresses, when given,
   * replace the current ones whole.
   */
  public record Body(String id, String account, String secret, Boolean enabled, Boolean exitsOnly, Long magic,
      Map<String, String> symbolMap, String symbolPrefix, String symbolSuffix, SizingBody sizing, LimitsBody limits,
      List<String> allowedIps) {

    Strategy toNew(Instant now, LongSupplier nextMagic) {
      if (id == null || !ID.matcher(id).matches()) {
        throw ApiException.invalid("id", "id must match [a-z0-9][a-z0-9_-]{0,63}");
      }
      if (secret == null) {
        throw ApiException.invalid("secret", "a strategy needs a secret of at least 16 characters");
      }
      return build(id, SecretHash.of(checkedSecret()), magic == null ? nextMagic.getAsLong() : magic, now, now, 0,
          DEFAULTS);
    }

    Strategy toReplacement(Strategy current, Instant now) {
      if (id != null && !id.equals(current.id())) {
        throw ApiException.invalid("id", "the id cannot change (it is " + current.id() + ")");
      }
      SecretHash hash = secret == null ? current.secretHash() : SecretHash.of(checkedSecret());
      return build(current.id(), hash, magic == null ? current.magic() : magic, current.createdAt(), now,
          current.version() + 1, current);
    }

    /** @param base whose values fill what the body leaves out: the strategy replaced, or {@link #DEFAULTS} */
    private Strategy build(String strategyId, SecretHash secretHash, long magicNumber, Instant created, Instant now,
        long version, Strategy base) {
      boolean creating = base == DEFAULTS;
      String accountId = account != null ? account : base.account();
      if (accountId == null || accountId.isBlank()) {
        throw ApiException.invalid("account", "name the account the strategy trades");
      }
      if (magicNumber < 1) {
        throw ApiException.invalid("magic", "magic must be a positive number (0 marks manual trades)");
      }
      return new Strategy(strategyId, accountId, secretHash, enabled != null ? enabled : base.enabled(),
          exitsOnly != null ? exitsOnly : base.exitsOnly(), magicNumber,
          symbolMap != null ? symbolMap(symbolMap) : base.symbolMap(),
          symbolPrefix != null ? affix(symbolPrefix, "symbolPrefix") : base.symbolPrefix(),
          symbolSuffix != null ? affix(symbolSuffix, "symbolSuffix") : base.symbolSuffix(),
          sizing != null ? sizing.toSizing(creating ? null : base.sizing()) : base.sizing(),
          limits != null ? limits.toLimits(base.limits()) : base.limits(),
          allowedIps != null ? allowedIps(allowedIps) : base.allowedIps(),
          created, now, version);
    }

    private static Map<String, String> symbolMap(Map<String, String> given) {
      Map<String, String> map = new LinkedHashMap<>();
      given.forEach((from, to) -> {
        if (!SYMBOL.matcher(from).matches() || to == null || !SYMBOL.matcher(to).matches()) {
          throw ApiException.invalid("symbolMap." + from, "symbol names are 1 to 32 letters, digits or ._#!$&+-");
        }
        map.put(from, to);
      });
      return Map.copyOf(map);
    }

    private static AllowedIps allowedIps(List<String> given) {
      try {
        return AllowedIps.of(given);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("allowedIps", e.getMessage() + " (use addresses, CIDR blocks or \"tradingview\")");
      }
    }

    private String checkedSecret() {
      if (secret.length() < 16 || secret.length() > 200) {
        throw ApiException.invalid("secret", "the secret must be 16 to 200 characters long");
      }
      for (int i = 0; i < secret.length(); i++) {
        char c = secret.charAt(i);
        // The text alert form is comma-separated with the secret first.
        if (c == ',' || Character.isWhitespace(c) || Character.isISOControl(c)) {
          throw ApiException.invalid("secret", "the secret must not contain commas, spaces or control characters");
        }
      }
      return secret;
    }
  }

  /** A strategy as the API shows it: everything but the secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record View(String id, String account, boolean enabled, boolean exitsOnly, long magic,
      Map<String, String> symbolMap, String symbolPrefix, String symbolSuffix, Sizing sizing, Limits limits,
      List<String> allowedIps, Instant createdAt, Instant updatedAt, long version) {

    public static View of(Strategy s) {
      return new View(s.id(), s.account(), s.enabled(), s.exitsOnly(), s.magic(), s.symbolMap(), s.symbolPrefix(),
          s.symbolSuffix(), s.sizing(), s.limits(), s.allowedIps().entries(), s.createdAt(), s.updatedAt(),
          s.version());
    }
  }

  private static String affix(String value, String field) {
    String text = value == null ? "" : value;
    if (!AFFIX.matcher(text).matches()) {
      throw ApiException.invalid(field, field + " is up to 16 letters, digits or ._#!$&+-");
    }
    return text;
  }

  private static void positiveIfSet(BigDecimal value, String field) {
    if (value != null && value.signum() <= 0) {
      throw ApiException.invalid(field, field + " must be positive");
    }
  }

  private static void required(BigDecimal value, String field, String message) {
    if (value == null) {
      throw ApiException.invalid(field, message);
    }
  }

  private static void notNegative(BigDecimal value, String field) {
    if (value != null && value.signum() < 0) {
      throw ApiException.invalid(field, field + " must not be negative");
    }
  }

  private static void notNegative(Integer value, String field) {
    if (value != null && value < 0) {
      throw ApiException.invalid(field, field + " must not be negative");
    }
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
