package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index against a naive scan of every entry, on random operations. */
class TriggerIndexTest {

  @ParameterizedTest
  @EnumSource(TriggerIndex.Direction.class)
  void the_index_fires_exactly_what_a_naive_scan_fires(TriggerIndex.Direction direction) {
    Random random = new Random(7);
    TriggerIndex index = new TriggerIndex(direction);
    Map<Long, Long> naive = new LinkedHashMap<>(); // ticket -> level, in insertion order
    long nextTicket = 1;
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 5) {
        long level = 1_000 + random.nextInt(200);
        index.add(level, nextTicket);
        naive.put(nextTicket++, level);
      } else if (op < 7 && !naive.isEmpty()) {
        long ticket = new ArrayList<>(naive.keySet()).get(random.nextInt(naive.size()));
        index.remove(naive.remove(ticket), ticket);
      } else {
        long price = 1_000 + random.nextInt(200);
        List<Long> expected = naiveFired(direction, naive, price);
        assertThat(index.fires(price)).isEqualTo(!expected.isEmpty());
        List<Long> fired = index.takeFired(price);
        assertThat(fired).containsExactlyElementsOf(expected);
        fired.forEach(naive::remove);
      }
      assertThat(index.size()).isEqualTo(naive.size());
    }
  }

  /** Nearest the market first; within a level, in insertion order. */
  private static List<Long> naiveFired(TriggerIndex.Direction direction, Map<Long, Long> entries, long price) {
    List<Map.Entry<Long, Long>> reached = new ArrayList<>();
    for (Map.Entry<Long, Long> e : entries.entrySet()) {
      boolean fires = direction == TriggerIndex.Direction.AT_OR_BELOW ? price <= e.getValue() : price >= e.getValue();
      if (fires) {
        reached.add(e);
      }
    }
    Comparator<Map.Entry<Long, Long>> nearestFirst = direction == TriggerIndex.Direction.AT_OR_BELOW
        ? Comparator.comparing(Map.Entry<Long, Long>::getValue).reversed()
        : Comparator.comparing(Map.Entry<Long, Long>::getValue);
    reached.sort(nearestFirst); // stable: insertion order within a level
    List<Long> tickets = new ArrayList<>();
    new HashSet<>(); // (no duplicates by construction)
    reached.forEach(e -> tickets.add(e.getKey()));
    return tickets;
  }
}
