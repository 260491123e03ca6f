package com.mt5bridge.store;

import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.store.schema.tables.records.SignalsRecord;

/** Rows of the {@code signals} table, from and to the journal's records. */
final class SignalRows {

  private SignalRows() {}

  static SignalsRecord row(SignalRecord s) {
    SignalsRecord r = new SignalsRecord();
    r.setId(s.id());
    r.setStrategyId(s.strategy());
    r.setAccountId(s.account());
    r.setIdempotencyKey(s.idempotencyKey());
    r.setBodyHash(s.bodyHash());
    r.setStatus(s.status().name());
    r.setAction(s.action());
    r.setSymbol(s.symbol());
    r.setSourceIp(s.sourceIp());
    r.setContentType(s.contentType());
    r.setBody(s.body());
    if (s.error() != null) {
      r.setErrorCode(s.error().code());
      r.setErrorMessage(s.error().message());
      r.setErrorField(s.error().field());
    }
    r.setResult(s.results());
    r.setMessage(s.message());
    r.setDuplicateOf(s.duplicateOf());
    r.setReceivedAt(s.receivedAt());
    r.setCompletedAt(s.completedAt());
    return r;
  }

  static SignalRecord record(SignalsRecord r) {
    SignalRecord.Error error = r.getErrorCode() == null ? null
        : new SignalRecord.Error(r.getErrorCode(), r.getErrorMessage(), r.getErrorField());
    return new SignalRecord(r.getId(), r.getStrategyId(), r.getAccountId(), r.getIdempotencyKey(), r.getBodyHash(),
        SignalStatus.valueOf(r.getStatus()), r.getAction(), r.getSymbol(), r.getSourceIp(), r.getContentType(),
        r.getBody(), error, r.getResult(), r.getMessage(), r.getDuplicateOf(), r.getReceivedAt(), r.getCompletedAt());
  }
}
