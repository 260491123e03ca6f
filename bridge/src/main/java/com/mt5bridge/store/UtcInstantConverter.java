package com.mt5bridge.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.impl.AbstractConverter;

/** DATETIME columns hold UTC wall time; the application only ever sees {@link Instant}. */
public final class UtcInstantConverter extends AbstractConverter<LocalDateTime, Instant> {

  public UtcInstantConverter() {
    super(LocalDateTime.class, Instant.class);
  }

  @Override
  public Instant from(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  @Override
  public LocalDateTime to(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
