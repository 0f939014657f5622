package io.bulwark.engine.api.spi;

import io.bulwark.engine.api.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only store of users and their groups outside the engine's database, such as LDAP or Active
 * Directory (A8). The engine asks it for users that its own tables do not hold: at sign-in, and on
 * every request of a signed-in user (A10: no cache, so a change in the directory shows at once).
 * Users it holds cannot be created, changed or deleted through Bulwark. Implementations are
 * thread-safe, verify passwords by the directory itself (for LDAP: a bind as the user) and never
 * read password attributes.
 */
public interface ExternalDirectory {

  /** A short name for logs and messages, e.g. {@code "ldap"}. */
  String name();

  /**
   * The user with that ID, or empty.
   *
   * @throws IllegalStateException the directory cannot be reached (the caller refuses the login)
   */
  Optional<DirectoryUser> findUser(String userId);

  /**
   * Whether the password is the user's, checked by the directory. Never called with an empty
   * password. Does not clear the secret.
   */
  boolean verifyPassword(DirectoryUser user, Secret password);

  /**
   * Spends about the time of {@link #verifyPassword} for a user that does not exist, so that an
   * unknown user costs what a known one does (A6). Does not clear the secret.
   */
  void verifyUnknownUser(String userId, Secret password);

  /**
   * A user as the directory holds it.
   *
   * @param id the user ID (the directory's login attribute)
   * @param reference where the directory keeps the user (for LDAP the entry's DN); never shown
   * @param firstName the given name, or null
   * @param lastName the family name, or null
   * @param displayName the name shown to people, or null for the ID
   * @param email the e-mail address, or null
   * @param disabled a disabled user cannot sign in, and their sessions end (A10)
   * @param groups the IDs of the groups the user belongs to in the directory
   */
  record DirectoryUser(
      String id,
      String reference,
      String firstName,
      String lastName,
      String displayName,
      String email,
      boolean disabled,
      Set<String> groups) {

    public DirectoryUser {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reference, "reference");
      groups = Set.copyOf(groups);
    }

    /**
     * A number that changes when anything of the entry that Bulwark reads changes (names, e-mail,
     * disabled, groups), the same on every node and JVM: the first 8 bytes of a SHA-256 over the
     * fields, groups sorted. Sessions and tokens remember it, so that a change in the directory
     * ends them at their next use (A10).
     */
    public long revision() {
      // Each field length-prefixed, so that no two entries write the same text.
      StringBuilder fields = new StringBuilder();
      List<String> values = new ArrayList<>();
      Collections.addAll(
          values, id, reference, firstName, lastName, displayName, email, "" + disabled);
      groups.stream().sorted().forEach(values::add);
      for (String value : values) {
        fields.append(value == null ? -1 : value.length()).append(':').append(value);
      }
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(fields.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime provides SHA-256", e);
      }
    }
  }
}
