package io.bulwark.server.account;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.engine.PasswordRecoveryProperties;
import io.bulwark.server.mail.MailSettings;

/**
 * Doctor check A11: password self-service. WARN when recovery by e-mail is off (no mail server or
 * no link base URL: users must ask an administrator); FAIL when a reset link lives longer than the
 * baseline's 30 minutes or the request limits are looser than {@code
 * PasswordRecoverySettings#meetsBaseline()} allows; PASS otherwise. Changing one's own password
 * (current one required) is always on.
 */
public final class A11PasswordRecoveryCheck implements LocalCheck {

  private final MailSettings mail;
  private final PasswordRecoveryProperties recovery;

  public A11PasswordRecoveryCheck(MailSettings mail, PasswordRecoveryProperties recovery) {
    this.mail = mail;
    this.recovery = recovery;
  }

  @Override
  public String id() {
    return "A11";
  }

  @Override
  public Finding run() {
    String limits =
        "links live "
            + recovery.tokenLifetime()
            + ", "
            + recovery.accountLimit()
            + " per account and "
            + recovery.addressLimit()
            + " requests per address per "
            + recovery.limitWindow();
    if (!recovery.toEngine().meetsBaseline()) {
      return Finding.fail(
          id(),
          "password recovery is weakened: " + limits,
          "set bulwark.password-recovery.token-lifetime to at most PT30M and the limits to at most"
              + " 10 links per account and 50 requests per address per hour, or remove them");
    }
    if (!mail.enabled() || recovery.linkBaseUrl() == null) {
      return Finding.warn(
          id(),
          "password recovery by e-mail is off ("
              + (mail.enabled() ? "no link base URL" : "no mail server")
              + "): users who lose their password must ask an administrator",
          "set bulwark.mail.host, bulwark.mail.from and"
              + " bulwark.password-recovery.link-base-url");
    }
    return Finding.pass(id(), "password recovery by e-mail via " + mail.host() + ", " + limits);
  }
}
