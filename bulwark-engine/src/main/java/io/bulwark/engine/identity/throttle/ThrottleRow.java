package io.bulwark.engine.identity.throttle;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The failures of one account from one client address (table {@code bw_login_failure}).
 *
 * @param failures failures counted since the last success, unlock or forgetting
 * @param lastAttempt when the last admitted attempt was counted
 * @param lastSuccess when the user last signed in from this address; null if never
 */
record ThrottleRow(int failures, Instant lastAttempt, @Nullable Instant lastSuccess) {

  static final ThrottleRow NONE = new ThrottleRow(0, Instant.EPOCH, null);
}
