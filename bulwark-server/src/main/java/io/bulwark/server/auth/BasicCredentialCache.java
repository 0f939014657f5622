package io.bulwark.server.auth;

import io.bulwark.engine.api.ConfirmedPrincipal;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Basic authentication at API speed (issue 14): remembers, for a short time, that a user ID and
 * password passed the full check (Argon2id, throttle, bound), so that a client sending the same
 * Basic credentials again costs one database read instead of a password hash.
 *
 * <p>What is kept: under the HMAC-SHA256 of the user ID and the password, keyed with 256 random
 * bits made when the server starts and never stored or logged, the user ID, the user's revision
 * read before the full check, and the expiry. Never the password, nor an unkeyed hash of it: a heap
 * dump holds nothing to guess passwords against offline without the key, and the key lives only in
 * this object.
 *
 * <p>Every request that hits the cache re-reads the user in the database (A10): an entry counts
 * only while the user exists, is enabled, needs no password change and is still at the remembered
 * revision. A password change or reset, a disable, a delete, or any other change of the user
 * changes or removes that row, so the next request goes through the full check (and fails for a
 * changed password) on every node at once. Groups are read afresh on every hit, so membership
 * changes count at the next request too. The same statement reads the location rules' version for
 * this request ({@link LocationRuleVersionSeen}, Z4). Wrong passwords never reach the cache and
 * cost what they cost before. At most {@code maxEntries} entries are kept; when full, expired ones
 * are dropped and, if none expired, nothing new is remembered.
 *
 * <p>One check per credential at a time (single flight): when an entry is missing or expired and
 * several requests bring the same user ID and password at once (clients of one integration whose
 * entry expired together), one of them runs the full check and the others wait for it, then sign in
 * from the entry it remembered. Without that they would all queue at the password-check bound
 * ({@link PasswordCheckLimiter}) and all but two get 429. When the check remembered nothing (a
 * wrong password, a throttled or refused one), each waiting request runs its own full check, as it
 * would have without waiting, so every guess is still checked and counted (A5). Thread-safe.
 */
final class BasicCredentialCache implements AuthenticationProvider {

  private final AuthenticationProvider fullCheck;
  private final IdentityService identity;
  private final BasicCacheSettings settings;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The cache keys being checked in full right now, each with the check's completion. */
  private final Map<String, CompletableFuture<Void>> checking = new ConcurrentHashMap<>();

  private final LongAdder fullChecks = new LongAdder();

  BasicCredentialCache(
      AuthenticationProvider fullCheck,
      IdentityService identity,
      BasicCacheSettings settings,
      Clock clock) {
    this.fullCheck = fullCheck;
    this.identity = identity;
    this.settings = settings;
    this.clock = clock;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
  }

  @Override
  public @Nullable Authentication authenticate(Authentication request)
      throws AuthenticationException {
    if (!settings.enabled()
        || request.getName() == null
        || !(request.getCredentials() instanceof String password)) {
      return fullCheck.authenticate(request);
    }
    String userId = request.getName();
    String cacheKey = keyOf(userId, password);
    Authentication remembered = remembered(request, cacheKey, userId);
    if (remembered != null) {
      return remembered;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = checking.putIfAbsent(cacheKey, mine);
    if (running == null) {
      try {
        // A check that ended just before this one began may have remembered the credentials.
        Authentication meanwhile = remembered(request, cacheKey, userId);
        return meanwhile != null ? meanwhile : checkAndRemember(request, cacheKey, userId);
      } finally {
        checking.remove(cacheKey, mine);
        mine.complete(null);
      }
    }
    // The same user ID and password are being checked right now: wait for that one check instead
    // of queueing at the password-check bound beside it (429 for all but two).
    await(running);
    remembered = remembered(request, cacheKey, userId);
    return remembered != null ? remembered : checkAndRemember(request, cacheKey, userId);
  }

  /** The request signed in from an entry that still counts (A10); else null, the entry dropped. */
  private @Nullable Authentication remembered(
      Authentication request, String cacheKey, String userId) {
    Entry entry = entries.get(cacheKey);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAt.isAfter(clock.instant())) {
      Optional<ConfirmedPrincipal> confirmed =
          identity.confirmAuthenticated(userId, entry.revision);
      if (confirmed.isPresent()) {
        LocationRuleVersionSeen.recordForCurrentRequest(confirmed.get().locationRuleVersion());
        return signedIn(request, confirmed.get().principal());
      }
    }
    entries.remove(cacheKey, entry);
    return null;
  }

  private @Nullable Authentication checkAndRemember(
      Authentication request, String cacheKey, String userId) {
    Optional<Long> revision = revisionOf(userId);
    fullChecks.increment();
    Authentication result = fullCheck.authenticate(request);
    if (revision.isPresent() && isFullUser(result)) {
      remember(cacheKey, new Entry(revision.get(), clock.instant().plus(settings.ttl())));
    }
    return result;
  }

  /** Waits for another request's check; it always completes, whatever its outcome. */
  private static void await(CompletableFuture<Void> check) {
    try {
      check.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationServiceException("interrupted while waiting for a password check");
    } catch (ExecutionException e) {
      // Never completed exceptionally: the checking request completes it in a finally block.
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return fullCheck.supports(authentication);
  }

  int size() {
    return entries.size();
  }

  /** How many requests went through the full password check since start. */
  long fullChecks() {
    return fullChecks.sum();
  }

  private Optional<Long> revisionOf(String userId) {
    try {
      return identity.findUser(userId).map(User::revision);
    } catch (ValidationException invalidId) {
      return Optional.empty();
    }
  }

  private void remember(String cacheKey, Entry entry) {
    if (entries.size() >= settings.maxEntries()) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !e.expiresAt.isAfter(now));
      if (entries.size() >= settings.maxEntries()) {
        return;
      }
    }
    entries.put(cacheKey, entry);
  }

  /** Only a full sign-in is remembered, never a pending password change (A2). */
  private static boolean isFullUser(@Nullable Authentication result) {
    return result != null
        && result.isAuthenticated()
        && result.getPrincipal() instanceof SignedInUser
        && result.getAuthorities().stream()
            .noneMatch(a -> Authorities.pendingPasswordChange().contains(a));
  }

  private static Authentication signedIn(Authentication request, Principal principal) {
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.authenticated(
            new SignedInUser(principal.userId(), principal.groups()),
            null,
            Authorities.ofUser(principal.groups()));
    token.setDetails(request.getDetails());
    return token;
  }

  /** HMAC-SHA256 of the length-prefixed user ID and the password (JCA; no home-made crypto). */
  private String keyOf(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] id = userId.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(id.length).array());
      mac.update(id);
      mac.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private record Entry(long revision, Instant expiresAt) {}
}
