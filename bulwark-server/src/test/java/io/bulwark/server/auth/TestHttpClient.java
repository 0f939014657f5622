package io.bulwark.server.auth;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A browser-like HTTP client for the tests: real HTTP(S) to the running server, a cookie jar, no
 * automatic redirects (so that tests see them). Trusts any certificate because the test server's is
 * self-signed (T4); only ever used against the loopback test server.
 */
public final class TestHttpClient {

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public TestHttpClient(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .sslContext(trustAll())
            .cookieHandler(new LoopbackSecureCookieHandler(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A GET carrying the given session cookie instead of the jar's, to replay an old session. */
  HttpResponse<String> getWithSessionCookie(String path, String sessionId) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Cookie", SessionCookieCustomizer.COOKIE_NAME + "=" + sessionId)
            .GET());
  }

  /** Posts a form; values are URL-encoded in the given order. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts JSON with the CSRF token of {@code page} in the header, as a page's script does (W2). */
  public HttpResponse<String> postJson(String page, String path, String json) {
    String token = csrfToken(get(page).body());
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            // CookieCsrfTokenRepository's header (WebSessionLimits); the page names it too.
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Loads the page and posts the form with the page's CSRF token added (W2). */
  public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
    HttpResponse<String> page = get(formPage);
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrfToken(page.body()));
    return post(action, form);
  }

  /** Signs in through the login form and returns the answer to the POST. */
  public HttpResponse<String> signIn(String userId, String password) {
    return submit("/app/login", "/app/login", Map.of("username", userId, "password", password));
  }

  /** The current value of the session cookie, if the jar holds one. */
  public Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> SessionCookieCustomizer.COOKIE_NAME.equals(c.getName()))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public static String csrfToken(String html) {
    Matcher matcher = CSRF_FIELD.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no CSRF field in page: " + html);
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(30)).build(), ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAnything()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Accepts any certificate and host name. Tests only: the peer is always the loopback test server
   * with its self-signed certificate (T4). Extended, so the JDK adds no host name check of its own.
   */
  private static final class TrustAnything extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Trusted: see the class comment.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Trusted: see the class comment.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      // Trusted: see the class comment.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      // Trusted: see the class comment.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      // Trusted: see the class comment.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      // Trusted: see the class comment.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /**
   * Treats {@code http://127.0.0.1} and {@code http://localhost} as secure for cookies, as browsers
   * do for loopback origins; otherwise the JDK would withhold the Secure session cookie when the
   * test server runs without TLS. Over HTTPS it changes nothing.
   */
  private static final class LoopbackSecureCookieHandler extends CookieHandler {

    private final CookieHandler delegate;

    LoopbackSecureCookieHandler(CookieHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return delegate.get(asSecure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      delegate.put(asSecure(uri), headers);
    }

    private static URI asSecure(URI uri) {
      boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      if (loopback && "http".equals(uri.getScheme())) {
        return URI.create("https" + uri.toString().substring("http".length()));
      }
      return uri;
    }
  }
}
