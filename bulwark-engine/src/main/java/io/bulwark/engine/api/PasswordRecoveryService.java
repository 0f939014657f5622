package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Password recovery by an e-mailed, single-use link (A11). Thread-safe; every operation is a
 * command of the engine's one command executor. Nobody is signed in when these run, so no
 * permission is required: what protects an account is that the link reaches only the address stored
 * for it.
 *
 * <p>A reset token has 256 bits from a CSPRNG and is stored only as its SHA-256; it works once,
 * until {@link PasswordRecoverySettings#tokenLifetime()} ends, and only while the user is at the
 * revision it was issued for: a password change, a newer request, disabling the user or any other
 * change of the user makes it useless. The engine sends no mail: the caller mails the {@link
 * ResetMail}s of a {@link RecoveryRequest} and answers the requester the same way whatever the
 * outcome (A6).
 */
public interface PasswordRecoveryService {

  /**
   * Records a recovery request and issues a reset token for each enabled account whose user ID is
   * {@code account}, or whose e-mail address equals it ignoring case, and that has an e-mail
   * address and has not reached the per-account limit. A client address over its limit gets nothing
   * at all.
   *
   * @param account a user ID or an e-mail address, as typed
   * @param clientAddress the requester's IP address literal (IPv6 is limited per /64)
   * @throws ValidationException {@code account} is empty or longer than 255 characters, or the
   *     client address is not an IP literal
   */
  RecoveryRequest requestReset(String account, String clientAddress);

  /**
   * The user a reset token would reset now, or empty when it is unknown, used, expired or stale;
   * changes nothing. Does not clear the secret.
   */
  Optional<String> checkResetToken(Secret token);

  /**
   * Sets a new password with a reset token, consumes the token and every other one of the user,
   * clears the must-change flag, and increments the user's revision so that every session and
   * access token of the user ends at its next request (A10). Does not clear the secrets.
   *
   * @return the ID of the user whose password was reset
   * @throws ValidationException the token is unknown, used, expired or stale (field {@code token},
   *     rule {@code reset-token}), or the password breaks the policy (field {@code password}, every
   *     rule broken, A4)
   */
  String resetPassword(Secret token, Secret newPassword);

  /** The limits in force. */
  PasswordRecoverySettings settings();

  /** What a request led to; for the log, never for the requester (A6). */
  enum Outcome {
    /** At least one reset link was issued. */
    ISSUED,
    /** No account matched. */
    NO_ACCOUNT,
    /** The matching account has no e-mail address. */
    NO_EMAIL,
    /** The matching account is disabled. */
    DISABLED,
    /** The matching account was sent its limit of links within the window. */
    ACCOUNT_LIMIT,
    /** The client address made its limit of requests within the window. */
    ADDRESS_LIMIT
  }

  /**
   * The outcome of a request and the mails to send.
   *
   * @param outcome {@link Outcome#ISSUED} when {@code mails} is not empty, else why not (for the
   *     first matching account)
   * @param mails one per issued token; the caller sends each and then clears its token
   */
  record RecoveryRequest(Outcome outcome, List<ResetMail> mails) {
    public RecoveryRequest {
      Objects.requireNonNull(outcome, "outcome");
      mails = List.copyOf(mails);
    }
  }

  /**
   * A reset link to mail.
   *
   * @param userId the account
   * @param displayName the name to greet
   * @param email where to send it, the address stored for the account
   * @param token the reset token (never logged; clear it once sent)
   * @param expires when the token stops working
   */
  record ResetMail(String userId, String displayName, String email, Secret token, Instant expires) {
    public ResetMail {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(expires, "expires");
    }
  }
}
