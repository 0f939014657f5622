package io.bulwark.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.operator.AdminChannelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Operator} of a running server: HTTPS to its admin channel on loopback (W7) with the
 * channel secret from the data directory. It trusts exactly the certificate the server wrote into
 * the channel file (a trust store of that one certificate, checked by the JDK's PKIX trust
 * manager), never any other; the host name need not match, because that certificate is pinned.
 */
final class AdminChannelClient implements Operator {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 120_000;

  private final AdminChannelFile channel;
  private final SSLContext tls;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  AdminChannelClient(AdminChannelFile channel) {
    this.channel = channel;
    this.tls = trusting(channel);
  }

  /** The channel's address, for the operator's information. */
  URI uri() {
    return channel.uri();
  }

  @Override
  public Secret createUser(String userId, UserProfile profile) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("id", userId);
    body.put("firstName", profile.firstName());
    body.put("lastName", profile.lastName());
    body.put("email", profile.email());
    return Secret.of(call("POST", "/users", body).path("oneTimePassword").asText());
  }

  @Override
  public Secret resetPassword(String userId) {
    return Secret.of(
        call("POST", user(userId, "password-reset"), null).path("oneTimePassword").asText());
  }

  @Override
  public int unlock(String userId) {
    return call("POST", user(userId, "unlock"), null).path("locksLifted").asInt();
  }

  @Override
  public void disable(String userId) {
    call("POST", user(userId, "disable"), null);
  }

  @Override
  public void enable(String userId) {
    call("POST", user(userId, "enable"), null);
  }

  @Override
  public List<LockedAccount> lockedAccounts() {
    return json.convertValue(call("GET", "/locked", null), new TypeReference<>() {});
  }

  @Override
  public AuditVerification verifyAudit() {
    return json.convertValue(call("GET", "/audit/verify", null), AuditVerification.class);
  }

  @Override
  public List<AuditLine> auditRecords(long afterSeq) {
    JsonNode records = call("GET", "/audit/records?afterSeq=" + afterSeq, null);
    List<AuditLine> lines = new ArrayList<>();
    for (JsonNode record : records) {
      try {
        lines.add(new AuditLine(record.get("seq").asLong(), json.writeValueAsString(record)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  private static String user(String userId, String action) {
    // The server checks the ID pattern (Z7); only encode what would break the path.
    return "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/" + action;
  }

  /**
   * One request; the answer's JSON (empty for 204).
   *
   * @throws UncheckedIOException with a {@link java.net.ConnectException}: no server listens at the
   *     channel's address
   * @throws OperatorFailure the server refused, with its problem detail
   */
  private JsonNode call(String method, String path, @Nullable Object body) {
    try {
      HttpsURLConnection connection =
          (HttpsURLConnection) new URL(channel.uri() + path).openConnection();
      connection.setSSLSocketFactory(tls.getSocketFactory());
      connection.setHostnameVerifier(this::isTheServersCertificate);
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setUseCaches(false);
      connection.setInstanceFollowRedirects(false);
      connection.setRequestMethod(method);
      connection.setRequestProperty("Accept", "application/json");
      char[] secret = channel.secret().reveal();
      try {
        connection.setRequestProperty(
            "Authorization", "Bulwark-Admin-Channel " + new String(secret));
      } finally {
        Arrays.fill(secret, '\0');
      }
      if (body != null) {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
          json.writeValue(out, body);
        }
      }
      int status = connection.getResponseCode();
      if (status >= 200 && status < 300) {
        try (InputStream in = connection.getInputStream()) {
          byte[] answer = in.readAllBytes();
          return answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
        }
      }
      throw new OperatorFailure(refusal(status, connection.getErrorStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String refusal(int status, InputStream problem) throws IOException {
    String detail = "HTTP " + status;
    if (problem != null) {
      try (InputStream in = problem) {
        JsonNode node = json.readTree(in.readAllBytes());
        if (node != null && node.hasNonNull("detail")) {
          detail = node.get("detail").asText();
        }
      } catch (IOException notJson) {
        // keep the status alone
      }
    }
    return switch (status) {
      case 401 ->
          "the server refused the admin channel secret of "
              + channel.uri()
              + " (is "
              + AdminChannelFile.NAME
              + " from the running server's start?)";
      case 403 ->
          detail + " (the admin channel needs loopback in bulwark.service-groups.internal.allow)";
      default -> detail;
    };
  }

  /** The host name check: passes only for the pinned certificate itself. */
  private boolean isTheServersCertificate(String host, SSLSession session) {
    try {
      Certificate[] presented = session.getPeerCertificates();
      return presented.length > 0 && presented[0].equals(channel.certificate());
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private static SSLContext trusting(AdminChannelFile channel) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("bulwark-server", channel.certificate());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the certificate in the admin channel file", e);
    }
  }
}
