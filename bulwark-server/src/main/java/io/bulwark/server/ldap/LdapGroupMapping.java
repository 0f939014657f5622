package io.bulwark.server.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Directory groups mapped to Bulwark groups (A8), bound from {@code
 * bulwark.ldap.mapped-groups[KEY]=GROUP}: a member of the directory group KEY (its group ID, e.g.
 * {@code engineers}, compared ignoring case, or its DN) is also a member of the Bulwark group
 * GROUP, so that grants given to GROUP apply to them (for example {@code bulwark-admins}). The
 * directory group's own ID stays among the user's groups. Each GROUP must match the ID pattern
 * (Z7), else the server refuses to start. None by default.
 *
 * @param mappedGroups directory group (ID or DN) to Bulwark group ID
 */
@ConfigurationProperties("bulwark.ldap")
public record LdapGroupMapping(Map<String, String> mappedGroups) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public LdapGroupMapping {
    Map<String, String> checked = new LinkedHashMap<>();
    if (mappedGroups != null) {
      mappedGroups.forEach(
          (key, group) -> {
            if (group == null || !ID.matcher(group).matches()) {
              throw new IllegalArgumentException(
                  "invalid bulwark.ldap.mapped-groups["
                      + key
                      + "]; a Bulwark group ID must match [A-Za-z0-9][A-Za-z0-9._-]{0,63} (Z7)");
            }
            if (key.indexOf('=') >= 0 && !DN.isValidDN(key)) {
              throw new IllegalArgumentException(
                  "invalid bulwark.ldap.mapped-groups[" + key + "]; the key is not a valid DN");
            }
            checked.put(key, group);
          });
    }
    mappedGroups = Map.copyOf(checked);
  }

  /** No mapping: users have the directory's group IDs only. */
  public static LdapGroupMapping none() {
    return new LdapGroupMapping(Map.of());
  }

  /** The Bulwark groups a directory group gives its members: its own ID and any mapped group. */
  Set<String> groupsOf(String groupId, String groupDn) {
    Set<String> groups = new LinkedHashSet<>();
    if (groupId != null) {
      groups.add(groupId);
    }
    mappedGroups.forEach(
        (key, group) -> {
          if (matches(key, groupId, groupDn)) {
            groups.add(group);
          }
        });
    return groups;
  }

  private static boolean matches(String key, String groupId, String groupDn) {
    if (groupId != null && key.toLowerCase(Locale.ROOT).equals(groupId.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (key.indexOf('=') < 0) {
      return false;
    }
    try {
      return new DN(key).equals(new DN(groupDn));
    } catch (LDAPException notADn) {
      return false;
    }
  }
}
