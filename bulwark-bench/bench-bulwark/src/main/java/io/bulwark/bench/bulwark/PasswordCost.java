package io.bulwark.bench.bulwark;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.identity.CommonPasswordList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Times what a password costs (A3, A4), for the report of issue 12: the median of one sign-in with
 * a correct password through {@code IdentityService.authenticate} (one Argon2id verification plus
 * one read of the user on embedded H2), and the median of one lookup in the shipped list of common
 * passwords (one SHA-256 and a binary search). Run with {@code bulwark-bench/password-cost}.
 */
public final class PasswordCost {

  private static final String USER = "bench-user";
  private static final String PASSWORD = "river otter lamp quartz";
  private static final int SIGN_INS = 60;
  private static final int LOOKUPS = 200_000;

  private PasswordCost() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = Files.createTempDirectory("bulwark-password-cost");
    try {
      signIns(dataDir);
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    lookups();
  }

  private static void signIns(Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          new Principal("bench", Set.of("bulwark-admins")),
          new NewUser(USER, "Bench User", Secret.of(PASSWORD), PasswordChange.NOT_REQUIRED));
      long[] nanos = new long[SIGN_INS];
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < SIGN_INS; i++) {
          try (Secret password = Secret.of(PASSWORD)) {
            long start = System.nanoTime();
            AuthenticationOutcome outcome = identity.authenticate(USER, password).outcome();
            nanos[i] = System.nanoTime() - start;
            if (outcome != AuthenticationOutcome.SUCCESS) {
              throw new IllegalStateException("sign-in refused: " + outcome);
            }
          }
        }
      }
      report("sign-in (Argon2id m=19456,t=2,p=1 + H2 read)", nanos, 1_000_000.0, "ms");
    }
  }

  private static void lookups() {
    long start = System.nanoTime();
    CommonPasswordList list = CommonPasswordList.shipped();
    long loadNanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT,
        "common-password list: %d entries (first use %.0f ms; already loaded when the sign-in user was created), ~%.1f MB%n",
        list.size(),
        loadNanos / 1_000_000.0,
        list.size() * 8 / 1_000_000.0);
    char[][] samples = {
      "password1234".toCharArray(), "summer".toCharArray(),
      "river otter lamp quartz".toCharArray(), "gz7#pq!w2@lm".toCharArray()
    };
    long[] nanos = new long[LOOKUPS];
    int hits = 0;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < LOOKUPS; i++) {
        char[] sample = samples[i % samples.length];
        long t = System.nanoTime();
        boolean hit = list.contains(sample, 0, sample.length);
        nanos[i] = System.nanoTime() - t;
        hits += hit ? 1 : 0;
      }
    }
    if (hits != LOOKUPS) {
      throw new IllegalStateException("expected half of the samples listed, got " + hits);
    }
    report("common-password lookup", nanos, 1_000.0, "us");
  }

  private static void report(String what, long[] nanos, double unit, String unitName) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.3f %s, p90 %.3f %s (n=%d, after as many warm-up runs)%n",
        what,
        sorted[sorted.length / 2] / unit,
        unitName,
        sorted[sorted.length * 9 / 10] / unit,
        unitName,
        sorted.length);
  }
}
