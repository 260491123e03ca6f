package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.SwapMode;
import com.mt5bridge.broker.SymbolSpec;
import java.math.BigDecimal;
import java.time.DayOfWeek;

/** A SymbolSpec with one or two fields changed, for tests. */
public final class Specs {

  private String name;
  private int digits;
  private BigDecimal contractSize;
  private CalcMode calcMode;
  private BigDecimal marginRate;
  private BigDecimal initialMargin;
  private BigDecimal tickSize;
  private BigDecimal tickValue;
  private String base;
  private String profit;
  private String margin;
  private BigDecimal volumeMin;
  private BigDecimal volumeMax;
  private BigDecimal volumeStep;
  private int stopsLevel;
  private int freezeLevel;
  private SwapMode swapMode;
  private BigDecimal swapLong;
  private BigDecimal swapShort;
  private DayOfWeek tripleDay;

  public static Specs with(SymbolSpec s) {
    Specs b = new Specs();
    b.name = s.name(); b.digits = s.digits(); b.contractSize = s.contractSize(); b.calcMode = s.calcMode();
    b.marginRate = s.marginRate(); b.initialMargin = s.initialMargin(); b.tickSize = s.tickSize();
    b.tickValue = s.tickValue(); b.base = s.currencyBase(); b.profit = s.currencyProfit();
    b.margin = s.currencyMargin(); b.volumeMin = s.volumeMin(); b.volumeMax = s.volumeMax();
    b.volumeStep = s.volumeStep(); b.stopsLevel = s.stopsLevel(); b.freezeLevel = s.freezeLevel();
    b.swapMode = s.swapMode(); b.swapLong = s.swapLong(); b.swapShort = s.swapShort(); b.tripleDay = s.swapTripleDay();
    return b;
  }

  Specs name(String v) { name = v; return this; }
  Specs calcMode(CalcMode v) { calcMode = v; return this; }
  Specs contractSize(String v) { contractSize = new BigDecimal(v); return this; }
  Specs marginRate(String v) { marginRate = new BigDecimal(v); return this; }
  Specs initialMargin(String v) { initialMargin = new BigDecimal(v); return this; }
  Specs tick(String size, String value) { tickSize = new BigDecimal(size); tickValue = new BigDecimal(value); return this; }
  Specs currencies(String b, String p, String m) { base = b; profit = p; margin = m; return this; }
  public Specs volumes(String min, String max, String step) {
    volumeMin = new BigDecimal(min); volumeMax = new BigDecimal(max); volumeStep = new BigDecimal(step); return this;
  }
  Specs stopsLevel(int v) { stopsLevel = v; return this; }
  Specs freezeLevel(int v) { freezeLevel = v; return this; }
  Specs swaps(SwapMode mode, String longSwap, String shortSwap) {
    swapMode = mode; swapLong = new BigDecimal(longSwap); swapShort = new BigDecimal(shortSwap); return this;
  }
  Specs tripleDay(DayOfWeek v) { tripleDay = v; return this; }

  public SymbolSpec build() {
    return new SymbolSpec(name, digits, contractSize, calcMode, marginRate, initialMargin, tickSize, tickValue, base,
        profit, margin, volumeMin, volumeMax, volumeStep, stopsLevel, freezeLevel, swapMode, swapLong, swapShort,
        tripleDay);
  }
}
