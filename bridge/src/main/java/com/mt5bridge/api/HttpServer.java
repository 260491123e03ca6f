package com.mt5bridge.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson3;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The Javalin server: JSON in and out, the contract's errors, virtual threads, routes given by the caller. */
public final class HttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** Connections the kernel may hold for the server before it accepts them. */
  static final int ACCEPT_QUEUE = 1024;

  private final Javalin javalin;

  private HttpServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * Starts listening.
   *
   * @param maxBodyBytes requests with a larger body are refused with 413 TOO_LARGE
   * @param routes registers the endpoints
   */
  public static HttpServer start(String host, int port, JsonMapper mapper, long maxBodyBytes,
      Consumer<RoutesConfig> routes) {
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = maxBodyBytes;
      config.http.prefer405over404 = true;
      // Javalin copies every response through a buffer of this size, allocated per request (32 KiB by
      // default: a tenth of a webhook's CPU went to clearing it). Larger answers go out in chunks.
      config.http.responseBufferSize = 4096;
      config.jsonMapper(new JavalinJackson3(mapper, false));
      config.jetty.host = host;
      config.jetty.port = port;
      config.jetty.modifyServer(HttpServer::deepenAcceptQueue);
      config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors(mapper)));
      config.requestLogger.http((ctx, ms) -> log.atDebug().setMessage("http")
          .addKeyValue("method", ctx.method()).addKeyValue("path", ctx.path())
          .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", ms).log());
      ErrorMapping.install(config.routes);
      routes.accept(config.routes);
    });
    javalin.start();
    return new HttpServer(javalin);
  }

  /**
   * Jetty leaves the kernel's queue of connections not yet accepted at Java's default of 50. A burst
   * of new connections (alerts fired on the same bar close, each on a fresh connection) overflowed
   * it: the kernel dropped the extra SYNs and each of those senders waited a second to retry. The
   * kernel caps the queue at {@code net.core.somaxconn}.
   */
  public static void deepenAcceptQueue(Server server) {
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarting(LifeCycle starting) {
        for (Connector connector : server.getConnectors()) {
          if (connector instanceof ServerConnector listening) {
            listening.setAcceptQueueSize(ACCEPT_QUEUE);
          }
        }
      }
    });
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
