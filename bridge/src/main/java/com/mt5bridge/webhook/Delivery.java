package com.mt5bridge.webhook;

/**
 * A webhook request as it arrived.
 *
 * @param pathStrategy the strategy named in the URL, or null
 * @param body null when it was too large to read ({@code size} says how large, or Long.MAX_VALUE)
 * @param querySecret {@code ?secret=}, or null
 * @param contentEncoding the {@code Content-Encoding} header, or null
 * @param remoteAddress the connection's address; {@code forwardedFor} counts only from trusted proxies
 */
record Delivery(String pathStrategy, String querySecret, String contentType, String contentEncoding, byte[] body,
    long size, String remoteAddress, String forwardedFor) {}
