-- MT5 Bridge schema, version 1.
-- Forward-only: never edit a migration that has landed; add V2__..., V3__... instead.
-- The same scripts generate the jOOQ classes at build time (DDLDatabase), so keep to SQL that both
-- MariaDB 10.11 and jOOQ's parser understand.
--
-- The tables an account loop writes on every trade (positions, orders, trades, equity_snapshots)
-- have no foreign keys: the journal writes them in one transaction with broker_state, and a key's
-- check and shared lock on every row would halve the durable trade rate.
--
-- Conventions: every DATETIME holds UTC with millisecond precision; prices DECIMAL(24,10), volumes
-- DECIMAL(20,8), money DECIMAL(24,8) (rounded by the application to the deposit currency's digits);
-- sl/tp/stop_limit 0 means "none", as in MT5. Tickets are per account.

-- One row per account: its settings, its latest figures and the counters a restart needs.
CREATE TABLE broker_state (
  account_id          VARCHAR(64)    NOT NULL,
  mode                VARCHAR(8)     NOT NULL,           -- SIM | LIVE
  margin_mode         VARCHAR(8)     NOT NULL,           -- NETTING | HEDGING
  currency            VARCHAR(8)     NOT NULL,
  leverage            INT            NOT NULL,
  login               BIGINT         NULL,               -- LIVE: the MT5 login served by an EA
  stop_out_mode       VARCHAR(8)     NOT NULL,           -- PERCENT | MONEY
  margin_call_level   DECIMAL(24,8)  NOT NULL,
  stop_out_level      DECIMAL(24,8)  NOT NULL,
  commission_per_lot  DECIMAL(24,8)  NOT NULL DEFAULT 0,
  options             TEXT           NULL,               -- JSON: engine policies (hedged margin, conversion side, swaps)
  balance             DECIMAL(24,8)  NOT NULL,
  credit              DECIMAL(24,8)  NOT NULL DEFAULT 0,
  equity              DECIMAL(24,8)  NOT NULL,
  profit              DECIMAL(24,8)  NOT NULL DEFAULT 0,  -- floating
  margin              DECIMAL(24,8)  NOT NULL DEFAULT 0,
  free_margin         DECIMAL(24,8)  NOT NULL,
  margin_level        DECIMAL(24,8)  NULL,               -- NULL without margin
  realized_pnl        DECIMAL(24,8)  NOT NULL DEFAULT 0,
  account_time        DATETIME(3)    NULL,               -- the account clock (SIM: latest tick seen)
  next_ticket         BIGINT         NOT NULL DEFAULT 1, -- orders, deals and positions share it
  version             BIGINT         NOT NULL DEFAULT 0, -- +1 on every committed change
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  PRIMARY KEY (account_id),
  CONSTRAINT uk_broker_state_login UNIQUE (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Symbol specifications per account (MT5's names), and the last price the account saw.
CREATE TABLE symbols (
  account_id          VARCHAR(64)    NOT NULL,
  name                VARCHAR(32)    NOT NULL,
  digits              INT            NOT NULL,
  contract_size       DECIMAL(24,8)  NOT NULL,
  calc_mode           VARCHAR(24)    NOT NULL,
  margin_rate         DECIMAL(24,8)  NOT NULL,
  initial_margin      DECIMAL(24,8)  NOT NULL DEFAULT 0,
  tick_size           DECIMAL(24,10) NOT NULL,
  tick_value          DECIMAL(24,10) NOT NULL,
  currency_base       VARCHAR(8)     NOT NULL,
  currency_profit     VARCHAR(8)     NOT NULL,
  currency_margin     VARCHAR(8)     NOT NULL,
  volume_min          DECIMAL(20,8)  NOT NULL,
  volume_max          DECIMAL(20,8)  NOT NULL,
  volume_step         DECIMAL(20,8)  NOT NULL,
  stops_level         INT            NOT NULL DEFAULT 0,
  freeze_level        INT            NOT NULL DEFAULT 0,
  swap_mode           VARCHAR(16)    NOT NULL DEFAULT 'POINTS', -- POINTS | MONEY (deposit currency per lot)
  swap_long           DECIMAL(24,8)  NOT NULL DEFAULT 0,
  swap_short          DECIMAL(24,8)  NOT NULL DEFAULT 0,
  swap_triple_day     VARCHAR(9)     NOT NULL DEFAULT 'WEDNESDAY',
  bid                 DECIMAL(24,10) NULL,
  ask                 DECIMAL(24,10) NULL,
  price_time          DATETIME(3)    NULL,
  PRIMARY KEY (account_id, name),
  CONSTRAINT fk_symbols_account FOREIGN KEY (account_id) REFERENCES broker_state (account_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Open positions. A closed position leaves this table; its history is in trades.
CREATE TABLE positions (
  account_id          VARCHAR(64)    NOT NULL,
  ticket              BIGINT         NOT NULL,           -- = the ticket of the order that opened it
  symbol              VARCHAR(32)    NOT NULL,
  type                VARCHAR(8)     NOT NULL,           -- BUY | SELL
  volume              DECIMAL(20,8)  NOT NULL,
  price_open          DECIMAL(24,10) NOT NULL,
  sl                  DECIMAL(24,10) NOT NULL DEFAULT 0,
  tp                  DECIMAL(24,10) NOT NULL DEFAULT 0,
  swap                DECIMAL(24,8)  NOT NULL DEFAULT 0,
  commission          DECIMAL(24,8)  NOT NULL DEFAULT 0,
  magic               BIGINT         NOT NULL DEFAULT 0,
  comment             VARCHAR(64)    NOT NULL DEFAULT '',
  time_open           DATETIME(3)    NOT NULL,
  time_update         DATETIME(3)    NOT NULL,
  PRIMARY KEY (account_id, ticket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Orders: pending ones (state PLACED) and history (FILLED, CANCELED, EXPIRED, REJECTED).
CREATE TABLE orders (
  account_id          VARCHAR(64)    NOT NULL,
  ticket              BIGINT         NOT NULL,
  symbol              VARCHAR(32)    NOT NULL,
  type                VARCHAR(16)    NOT NULL,           -- MT5 ORDER_TYPE_* without the prefix
  state               VARCHAR(12)    NOT NULL,           -- PLACED | FILLED | CANCELED | EXPIRED | REJECTED
  volume_initial      DECIMAL(20,8)  NOT NULL,
  volume_current      DECIMAL(20,8)  NOT NULL,
  price_open          DECIMAL(24,10) NOT NULL DEFAULT 0,
  stop_limit          DECIMAL(24,10) NOT NULL DEFAULT 0,
  sl                  DECIMAL(24,10) NOT NULL DEFAULT 0,
  tp                  DECIMAL(24,10) NOT NULL DEFAULT 0,
  expiration_type     VARCHAR(16)    NOT NULL DEFAULT 'GTC',
  expiration_time     DATETIME(3)    NULL,
  position_id         BIGINT         NOT NULL DEFAULT 0, -- the position it opened or closed
  position_by_id      BIGINT         NOT NULL DEFAULT 0, -- close-by: the opposite position
  reason              VARCHAR(8)     NOT NULL,           -- CLIENT | EXPERT | SL | TP | SO
  magic               BIGINT         NOT NULL DEFAULT 0,
  comment             VARCHAR(64)    NOT NULL DEFAULT '',
  signal_id           VARCHAR(36)    NULL,
  time_setup          DATETIME(3)    NOT NULL,
  time_done           DATETIME(3)    NULL,
  PRIMARY KEY (account_id, ticket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_orders_state ON orders (account_id, state);

-- Deals (MT5's name; the product card calls the table trades). Append-only: never updated.
CREATE TABLE trades (
  account_id          VARCHAR(64)    NOT NULL,
  ticket              BIGINT         NOT NULL,
  order_ticket        BIGINT         NOT NULL DEFAULT 0,
  position_id         BIGINT         NOT NULL DEFAULT 0,
  symbol              VARCHAR(32)    NOT NULL DEFAULT '',
  type                VARCHAR(16)    NOT NULL,           -- BUY | SELL | BALANCE | CREDIT
  entry               VARCHAR(8)     NOT NULL,           -- IN | OUT | INOUT | OUT_BY
  volume              DECIMAL(20,8)  NOT NULL DEFAULT 0,
  price               DECIMAL(24,10) NOT NULL DEFAULT 0,
  profit              DECIMAL(24,8)  NOT NULL DEFAULT 0,
  commission          DECIMAL(24,8)  NOT NULL DEFAULT 0,
  swap                DECIMAL(24,8)  NOT NULL DEFAULT 0,
  reason              VARCHAR(8)     NOT NULL,
  magic               BIGINT         NOT NULL DEFAULT 0,
  comment             VARCHAR(64)    NOT NULL DEFAULT '',
  signal_id           VARCHAR(36)    NULL,
  time                DATETIME(3)    NOT NULL,
  PRIMARY KEY (account_id, ticket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_trades_time ON trades (account_id, time, ticket);

-- The equity curve: after every deal (deals at the same millisecond of account time give one point,
-- the last), and at most once a second per account while positions are open.
CREATE TABLE equity_snapshots (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  account_id          VARCHAR(64)    NOT NULL,
  time                DATETIME(3)    NOT NULL,
  balance             DECIMAL(24,8)  NOT NULL,
  equity              DECIMAL(24,8)  NOT NULL,
  margin              DECIMAL(24,8)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_equity_snapshots_time ON equity_snapshots (account_id, time);

-- Strategies: who may send signals to which account, and how they are sized and limited.
CREATE TABLE strategies (
  id                  VARCHAR(64)    NOT NULL,
  account_id          VARCHAR(64)    NOT NULL,
  secret_hash         VARCHAR(255)   NOT NULL,           -- never the secret itself
  enabled             BOOLEAN        NOT NULL DEFAULT TRUE,
  magic               BIGINT         NOT NULL DEFAULT 0,
  settings            TEXT           NOT NULL,           -- JSON: symbol map, prefix/suffix, sizing, limits, allowed IPs
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_strategies_account ON strategies (account_id);

-- The webhook journal. A signal that trades is committed in the same transaction as its deals, so
-- one never exists without the other; the unique key makes a repeated alert (same id and time) a
-- duplicate instead of a second trade. Refused signals are kept too, with the reason.
CREATE TABLE signals (
  id                  VARCHAR(36)    NOT NULL,           -- UUIDv7: time-ordered
  strategy_id         VARCHAR(64)    NULL,               -- NULL when the strategy could not be resolved
  account_id          VARCHAR(64)    NULL,
  idempotency_key     VARCHAR(100)   NULL,               -- hash of the alert's id and time; NULL for refused ones
  body_hash           VARCHAR(64)    NULL,               -- for alerts without an id: a repeat within the window is a duplicate
  status              VARCHAR(12)    NOT NULL,           -- EXECUTED | PENDING | REJECTED | DUPLICATE
  action              VARCHAR(16)    NULL,
  symbol              VARCHAR(32)    NULL,
  source_ip           VARCHAR(45)    NULL,
  content_type        VARCHAR(100)   NULL,
  body                MEDIUMTEXT     NULL,               -- as received, secret redacted
  error_code          VARCHAR(32)    NULL,
  error_message       VARCHAR(512)   NULL,
  error_field         VARCHAR(64)    NULL,
  result              MEDIUMTEXT     NULL,               -- JSON: the trade results as answered
  duplicate_of        VARCHAR(36)    NULL,
  received_at         DATETIME(3)    NOT NULL,
  completed_at        DATETIME(3)    NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_signals_idempotency UNIQUE (strategy_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_signals_strategy_time ON signals (strategy_id, received_at);
CREATE INDEX ix_signals_time ON signals (received_at);

-- Switches that outlive a restart: the kill switch ('trading' = 'paused' | 'active').
CREATE TABLE controls (
  name                VARCHAR(64)    NOT NULL,
  value               VARCHAR(255)   NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Who did what: account and strategy changes, pauses, kill switch, admin actions.
CREATE TABLE audit_log (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  time                DATETIME(3)    NOT NULL,
  actor               VARCHAR(64)    NOT NULL,           -- admin | webhook:<strategy> | system
  action              VARCHAR(64)    NOT NULL,
  account_id          VARCHAR(64)    NULL,
  target              VARCHAR(128)   NULL,
  detail              TEXT           NULL,               -- JSON, secrets redacted
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_audit_log_time ON audit_log (time);
CREATE INDEX ix_audit_log_account ON audit_log (account_id, time);
