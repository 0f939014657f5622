package io.bulwark.server.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cap on access tokens issued to one user (W14, A9), so that a client with a valid password
 * cannot fill the token table. Bound from {@code bulwark.api.*}; a value out of bounds refuses to
 * start.
 *
 * @param tokenIssueLimit tokens one user may be issued per minute on this server; default 10, 1 to
 *     1000
 */
@ConfigurationProperties("bulwark.api")
public record TokenIssueSettings(@DefaultValue("10") int tokenIssueLimit) {

  public TokenIssueSettings {
    if (tokenIssueLimit < 1 || tokenIssueLimit > 1000) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.token-issue-limit " + tokenIssueLimit + "; must be 1 to 1000 (W14)");
    }
  }
}
