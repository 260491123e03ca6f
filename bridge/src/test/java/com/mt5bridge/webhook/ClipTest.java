package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cutting text for messages and the journal never splits an emoji (two chars in Java) in half. */
class ClipTest {

  private static final String GRIN = "\uD83D\uDE00";

  @Test
  void text_within_the_length_is_kept_whole() {
    assertThat(Clip.to("buy", 16)).isEqualTo("buy");
    assertThat(Clip.marked("a".repeat(40), 40)).isEqualTo("a".repeat(40));
    assertThat(Clip.to(null, 16)).isNull();
  }

  @Test
  void a_cut_through_an_emoji_leaves_the_whole_emoji_out() {
    // 39 letters then the emoji's two chars: the 40th char is the emoji's first half.
    String action = "a".repeat(39) + GRIN + "b";

    assertThat(Clip.marked(action, 40)).isEqualTo("a".repeat(39) + "...");
    assertThat(Clip.to(action, 41)).isEqualTo("a".repeat(39) + GRIN);
    assertThat(Clip.to(action, 40)).isEqualTo("a".repeat(39));
  }
}
