package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A commit the bridge took for lost (its connection broke unanswered) can still land after the
 * account was read again, when the server held it on a lock. The account's next commit must not
 * write over it: it is refused whole, the account is read again, and it trades on from there.
 */
class CommitLandedLateTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  @Test
  void an_account_whose_row_moved_past_it_refuses_the_change_reads_itself_again_and_trades_on() {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.tick("EURUSD", "1.10000", "1.10020");
    JsonNode first = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 1)).json();
    assertThat(first.path("order").asLong()).isEqualTo(2); // the deposit is deal 1
    BigDecimal balance = floor.state(account).path("balance").decimalValue();
    // The late commit: it took tickets 4 to 7 and booked 100.00 (its rows are left out; counter and balance tell).
    bridge.dsl().execute("UPDATE broker_state SET next_ticket = 8, balance = balance + 100 WHERE account_id = ?",
        account);

    Http.Response refused = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 1));
    Http.Response next = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 1));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.json().path("error").path("message").asString())
        .contains("or was changed there since this bridge read it; nothing was done");
    assertThat(next.json().path("retcodeName").asString()).as(next.toString()).isEqualTo("DONE");
    assertThat(next.json().path("order").asLong()).as("past the late commit's tickets").isEqualTo(8);
    JsonNode state = floor.state(account);
    assertThat(state.path("balance").decimalValue()).isEqualByComparingTo(balance.add(new BigDecimal("100")));
    assertThat(state.path("positions")).hasSize(2);
  }
}
