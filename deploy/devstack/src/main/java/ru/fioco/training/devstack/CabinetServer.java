package ru.fioco.training.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The cabinet's one origin on this machine, as nginx gives it in production ({@code deploy/web/nginx.conf}): {@code /}
 * the built single-page application (its {@code index.html} for every route of the app), {@code /config.json} its
 * settings (where to sign in), {@code /api/<service>/...} proxied to the four services, so the browser needs no
 * CORS. Bodies stream through in both directions: a 40 MB attachment is never held here.
 */
public final class CabinetServer implements AutoCloseable {

    /** Security headers of every answer of the app itself; the services set their own. */
    static final Map<String, String> APP_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    private final Vertx vertx;
    private final HttpServer server;

    private CabinetServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * @param app       the built app ({@code web/target/dist})
     * @param services  service name to its base URL
     * @param authority the OpenID Connect issuer people sign in at
     * @param clientId  the cabinet's client there
     */
    public static CabinetServer start(int port, Path app, Map<String, String> services, String authority,
            String clientId) {
        if (!Files.isRegularFile(app.resolve("index.html"))) {
            throw new IllegalStateException("The cabinet is not built: " + app.resolve("index.html")
                    + " is missing (run ./mvnw -DskipTests -pl web package)");
        }
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32));
        Map<String, HttpProxy> proxies = new LinkedHashMap<>();
        services.forEach((name, url) -> proxies.put("/api/" + name + "/", proxy(client, "/api/" + name, url)));

        String config = new JsonObject().put("authority", authority).put("clientId", clientId).put("apiBase", "/api")
                .encode();
        String csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; object-src 'self' blob:; frame-src 'self' blob: "
                + origin(authority) + "; connect-src 'self' " + origin(authority) + "; base-uri 'self'; "
                + "form-action 'self' " + origin(authority) + "; frame-ancestors 'none'";
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            APP_HEADERS.forEach(ctx.response()::putHeader);
            ctx.response().putHeader("Content-Security-Policy", csp);
            ctx.next();
        });
        router.get("/config.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(config));
        router.get("/assets/*").handler(ctx -> {
            // the build names assets by their content: cache for good
            ctx.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
            ctx.next();
        });
        router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, app.toAbsolutePath().toString())
                .setIndexPage("index.html").setCachingEnabled(false).setDefaultContentEncoding("UTF-8"));
        // any other path is a route of the app: its page, never cached, so that a new build is picked up
        router.get().handler(ctx -> ctx.response().putHeader("Cache-Control", "no-cache")
                .sendFile(app.resolve("index.html").toAbsolutePath().toString()));

        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setCompressionSupported(true));
        server.requestHandler(request -> {
            HttpProxy proxy = proxyFor(proxies, request);
            if (proxy != null) {
                proxy.handle(request);
            } else {
                router.handle(request);
            }
        });
        await(server.listen());
        return new CabinetServer(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        await(server.close());
        await(vertx.close());
    }

    private static HttpProxy proxyFor(Map<String, HttpProxy> proxies, HttpServerRequest request) {
        String path = request.path();
        for (Map.Entry<String, HttpProxy> e : proxies.entrySet()) {
            if (path.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A reverse proxy to one service, the {@code /api/<service>} prefix taken off the path. */
    private static HttpProxy proxy(HttpClient client, String prefix, String serviceUrl) {
        URI target = URI.create(serviceUrl);
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                String uri = context.request().getURI();
                context.request().setURI(uri.substring(prefix.length()));
                return context.sendRequest();
            }
        });
        return proxy;
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The cabinet's server: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unused")
    private static CompletableFuture<Void> none() {
        return CompletableFuture.completedFuture(null);
    }
}
