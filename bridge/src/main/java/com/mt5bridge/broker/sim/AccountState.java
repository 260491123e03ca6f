package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an account is made of, as committed: enough to rebuild its VirtualBroker exactly. Positions
 * carry their stored fields (their current price and profit are ignored); orders are the pending
 * ones; prices are the last seen per symbol.
 */
public record AccountState(AccountSettings settings, BigDecimal balance, BigDecimal credit, BigDecimal realizedPnl,
    Instant clock, long nextTicket, List<Position> positions, List<Order> orders, List<Tick> prices) {}
