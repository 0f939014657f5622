package io.bulwark.server.engine;

import io.bulwark.engine.api.PasswordRecoverySettings;
import io.bulwark.engine.api.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password recovery by e-mail (A11), bound from {@code bulwark.password-recovery.*}. Recovery works
 * only with a mail server ({@code bulwark.mail.host}) and a link base URL. A value that makes no
 * sense refuses to start; a lifetime over the baseline's 30 minutes or looser limits start and are
 * a doctor FAIL.
 *
 * @param linkBaseUrl the server's public HTTPS address as users reach it, e.g. {@code
 *     https://bulwark.example.org}; the reset link is built from it and never from the request's
 *     Host header (which a requester controls)
 * @param tokenLifetime how long a reset link works (default 30 min, at most 24 h)
 * @param accountLimit links one account may be sent per window (default 3)
 * @param addressLimit requests one client address may make per window (default 10)
 * @param limitWindow the window of both limits (default 1 h)
 */
@ConfigurationProperties("bulwark.password-recovery")
public record PasswordRecoveryProperties(
    URI linkBaseUrl,
    @DefaultValue("PT30M") Duration tokenLifetime,
    @DefaultValue("3") int accountLimit,
    @DefaultValue("10") int addressLimit,
    @DefaultValue("PT1H") Duration limitWindow) {

  public PasswordRecoveryProperties {
    if (linkBaseUrl != null) {
      linkBaseUrl = checked(linkBaseUrl);
    }
    try {
      new PasswordRecoverySettings(tokenLifetime, accountLimit, addressLimit, limitWindow);
    } catch (ValidationException e) {
      throw new IllegalArgumentException(
          "invalid bulwark.password-recovery setting: " + e.getMessage(), e);
    }
  }

  /** The engine's settings. */
  public PasswordRecoverySettings toEngine() {
    return new PasswordRecoverySettings(tokenLifetime, accountLimit, addressLimit, limitWindow);
  }

  private static URI checked(URI url) {
    boolean https =
        url.getScheme() != null && "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
    if (!https
        || url.getHost() == null
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "invalid bulwark.password-recovery.link-base-url; it must be an https:// URL with a host"
              + " and without user info, query or fragment");
    }
    String text = url.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }
}
