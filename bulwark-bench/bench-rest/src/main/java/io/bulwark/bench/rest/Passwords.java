package io.bulwark.bench.rest;

import java.security.SecureRandom;
import java.util.Base64;

/** Throwaway passwords for one run: random, long enough for Bulwark's policy (A4). */
final class Passwords {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  static String random() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
