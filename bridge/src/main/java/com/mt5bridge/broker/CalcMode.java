package com.mt5bridge.broker;

/** MT5's ENUM_SYMBOL_CALC_MODE: how a symbol's margin and profit are calculated. */
public enum CalcMode {
  FOREX,
  FOREX_NO_LEVERAGE,
  CFD,
  CFD_INDEX,
  CFD_LEVERAGE,
  FUTURES,
  EXCH_STOCKS
}
