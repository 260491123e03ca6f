package com.mt5bridge.store;

import com.mt5bridge.broker.AccountSettings;
import java.time.ZoneId;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An account's engine policies as the JSON of {@code broker_state.options}. */
final class Policies {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Policies() {}

  static String write(AccountSettings.Policies policies) {
    return JSON.writeValueAsString(Map.of("hedgedMargin", policies.hedgedMargin().name(),
        "conversionPrice", policies.conversionPrice().name(), "serverTimeZone", policies.serverTimeZone().getId()));
  }

  static AccountSettings.Policies read(String options) {
    if (options == null || options.isBlank()) {
      return AccountSettings.Policies.DEFAULT;
    }
    JsonNode node = JSON.readTree(options);
    return new AccountSettings.Policies(
        AccountSettings.HedgedMargin.valueOf(node.path("hedgedMargin").asString("LARGER_LEG")),
        AccountSettings.ConversionPrice.valueOf(node.path("conversionPrice").asString("MID")),
        ZoneId.of(node.path("serverTimeZone").asString("UTC")));
  }
}
