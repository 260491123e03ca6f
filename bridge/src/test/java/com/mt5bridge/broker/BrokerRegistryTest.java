package com.mt5bridge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.broker.sim.SimBrokerFactory;
import com.mt5bridge.store.InMemoryJournal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The registry when the bridge stops (what start-up rebuilds after that is closed, not kept running)
 * and when an account is added twice (the copy is closed).
 */
class BrokerRegistryTest {

  private final SimBrokerFactory sim = new SimBrokerFactory(new InMemoryJournal(), account -> {
    throw new IllegalStateException("not rebuilt in these tests");
  }, batch -> { }, InstantSource.fixed(Instant.parse("2026-11-16T10:00:00Z")));
  private final BrokerRegistry registry = new BrokerRegistry(Map.of(AccountMode.SIM, sim), new TickHub(InstantSource.system()));

  @Test
  void a_broker_rebuilt_while_the_bridge_stops_is_closed_and_not_registered() {
    Broker rebuilt = sim.open(settings("late"));
    registry.close();

    assertThatThrownBy(() -> registry.add(rebuilt))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("stopping");

    assertThat(registry.find("late")).isEmpty();
    assertThatThrownBy(() -> rebuilt.snapshot().join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("account late is stopped");
  }

  @Test
  void a_second_copy_of_a_registered_account_is_closed_and_not_registered() {
    Broker first = registry.create(settings("twice"));
    Broker copy = sim.open(settings("twice"));

    assertThatThrownBy(() -> registry.add(copy)).isInstanceOf(IllegalStateException.class)
        .hasMessage("account twice is already loaded");

    assertThat(registry.find("twice")).containsSame(first);
    assertThatThrownBy(() -> copy.snapshot().join()).hasMessageContaining("account twice is stopped");
  }

  @Test
  void no_account_is_opened_once_the_registry_is_closed() {
    registry.close();

    assertThatThrownBy(() -> registry.create(settings("new")))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("stopping");
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void closing_stops_every_account_it_holds() {
    Broker open = registry.create(settings("open"));

    registry.close();

    assertThat(registry.all()).isEmpty();
    assertThatThrownBy(() -> open.snapshot().join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("account open is stopped");
  }

  private static AccountSettings settings(String id) {
    return new AccountSettings(id, AccountMode.SIM, MarginMode.HEDGING, "USD", new BigDecimal("10000"), 100,
        StopOutMode.PERCENT, BigDecimal.valueOf(100), BigDecimal.valueOf(50), BigDecimal.ZERO, null,
        List.copyOf(BuiltInSymbols.all().values()), null);
  }
}
