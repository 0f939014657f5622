package io.bulwark.server.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LDAP directory (A8, T7), bound from {@code bulwark.ldap.*}. Without a URL there is no
 * directory. Only {@code ldaps://} URLs, or {@code ldap://} with {@code startTls=true}, are
 * accepted: plain LDAP refuses to start, and there is no setting to skip certificate or host-name
 * verification.
 *
 * @param url {@code ldaps://host:636} or {@code ldap://host:389} (then {@code startTls} is
 *     required)
 * @param startTls upgrade an {@code ldap://} connection with StartTLS (default false)
 * @param trustCertificates a PEM file of the certificates to trust instead of the JDK's trust store
 * @param bindDn the service account that searches; its password comes from {@code bindPasswordFile}
 *     (owner-only) or environment variable {@value #PASSWORD_ENV}, never from a property (D3)
 * @param bindPasswordFile the service account's password file
 * @param userBaseDn where users are searched (subtree)
 * @param userObjectClass the users' object class (default {@code inetOrgPerson})
 * @param userIdAttribute the attribute holding the user ID (default {@code uid}; AD: {@code
 *     sAMAccountName})
 * @param firstNameAttribute default {@code givenName}
 * @param lastNameAttribute default {@code sn}
 * @param displayNameAttribute default {@code cn}
 * @param emailAttribute default {@code mail}
 * @param disabledFilter an LDAP filter that a disabled user's entry matches; none: {@link
 *     #ACTIVE_DIRECTORY_DISABLED} when the users' object class is {@code user}, else {@link
 *     #DIRECTORY_SERVER_DISABLED}
 * @param groupBaseDn where groups are searched (subtree); none means no groups from LDAP
 * @param groupObjectClass default {@code groupOfNames}
 * @param groupIdAttribute the attribute whose value is the group ID (default {@code cn})
 * @param groupMemberAttribute the attribute listing member DNs (default {@code member})
 * @param connectTimeout default 5 s
 * @param responseTimeout default 10 s
 * @param maxConnections connections in the pool (default 10)
 * @param searchSizeLimit the most entries one list search reads from the directory (default and
 *     maximum 1000, W8); beyond, the list holds the first ones and a warning is logged
 * @param searchTimeLimit the longest one list search may take (default 5 s, at most 2 min)
 */
@ConfigurationProperties("bulwark.ldap")
public record LdapSettings(
    @Nullable URI url,
    @DefaultValue("false") boolean startTls,
    @Nullable Path trustCertificates,
    @Nullable String bindDn,
    @Nullable Path bindPasswordFile,
    @Nullable String userBaseDn,
    @DefaultValue("inetOrgPerson") String userObjectClass,
    @DefaultValue("uid") String userIdAttribute,
    @DefaultValue("givenName") String firstNameAttribute,
    @DefaultValue("sn") String lastNameAttribute,
    @DefaultValue("cn") String displayNameAttribute,
    @DefaultValue("mail") String emailAttribute,
    @Nullable String disabledFilter,
    @Nullable String groupBaseDn,
    @DefaultValue("groupOfNames") String groupObjectClass,
    @DefaultValue("cn") String groupIdAttribute,
    @DefaultValue("member") String groupMemberAttribute,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration responseTimeout,
    @DefaultValue("10") int maxConnections,
    @DefaultValue("1000") int searchSizeLimit,
    @DefaultValue("PT5S") Duration searchTimeLimit) {

  /** The largest {@code searchSizeLimit}: as many IDs as one list check takes (W8, W11). */
  public static final int MAX_SEARCH_SIZE_LIMIT = 1000;

  /**
   * The default "disabled" filter for Active Directory: the account-disabled bit (2) of {@code
   * userAccountControl}, by the bitwise-AND matching rule. A locked-out account cannot bind anyway.
   */
  public static final String ACTIVE_DIRECTORY_DISABLED =
      "(userAccountControl:1.2.840.113556.1.4.803:=2)";

  /**
   * The default "disabled" filter for other directories: {@code nsAccountLock} (389 Directory
   * Server, Red Hat IdM, FreeIPA) or a password-policy lock (OpenLDAP ppolicy, {@code
   * pwdAccountLockedTime}). A directory without these attributes matches neither.
   */
  public static final String DIRECTORY_SERVER_DISABLED =
      "(|(nsAccountLock=TRUE)(pwdAccountLockedTime=*))";

  /** The environment variable holding the service account's password when no file is set. */
  public static final String PASSWORD_ENV = "BULWARK_LDAP_BIND_PASSWORD";

  public LdapSettings {
    if (url != null) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("ldaps") && !scheme.equals("ldap")) {
        throw new IllegalArgumentException(
            "invalid bulwark.ldap.url; it must start with ldaps:// (or ldap:// with StartTLS)");
      }
      if (scheme.equals("ldap") && !startTls) {
        throw new IllegalArgumentException(
            "refusing plain LDAP at bulwark.ldap.url "
                + url.getHost()
                + ": passwords would cross the network unencrypted; use ldaps:// or set"
                + " bulwark.ldap.start-tls=true (T7)");
      }
      if (scheme.equals("ldaps") && startTls) {
        throw new IllegalArgumentException(
            "bulwark.ldap.start-tls applies to ldap:// URLs only; ldaps:// is TLS already");
      }
      if (url.getHost() == null) {
        throw new IllegalArgumentException("invalid bulwark.ldap.url; it has no host");
      }
      if (bindDn == null || bindDn.isBlank() || userBaseDn == null || userBaseDn.isBlank()) {
        throw new IllegalArgumentException(
            "bulwark.ldap.url is set: bulwark.ldap.bind-dn and bulwark.ldap.user-base-dn are"
                + " required (A8)");
      }
    }
    if (disabledFilter != null && !disabledFilter.isBlank()) {
      try {
        Filter.create(disabledFilter);
      } catch (LDAPException e) {
        throw new IllegalArgumentException(
            "invalid bulwark.ldap.disabled-filter; it is not an LDAP filter (RFC 4515)", e);
      }
    }
    if (maxConnections < 1 || maxConnections > 100) {
      throw new IllegalArgumentException(
          "invalid bulwark.ldap.max-connections " + maxConnections + "; must be 1-100");
    }
    if (searchSizeLimit < 1 || searchSizeLimit > MAX_SEARCH_SIZE_LIMIT) {
      throw new IllegalArgumentException(
          "invalid bulwark.ldap.search-size-limit "
              + searchSizeLimit
              + "; must be 1-"
              + MAX_SEARCH_SIZE_LIMIT);
    }
    requireTimeout("search-time-limit", searchTimeLimit);
    requireTimeout("connect-timeout", connectTimeout);
    requireTimeout("response-timeout", responseTimeout);
  }

  private static void requireTimeout(String name, Duration value) {
    if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(2)) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.ldap." + name + " " + value + "; must be positive and at most PT2M");
    }
  }

  /** No directory, every other value at its default. */
  public static LdapSettings off() {
    return new LdapSettings(
        null,
        false,
        null,
        null,
        null,
        null,
        "inetOrgPerson",
        "uid",
        "givenName",
        "sn",
        "cn",
        "mail",
        null,
        null,
        "groupOfNames",
        "cn",
        "member",
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        10,
        MAX_SEARCH_SIZE_LIMIT,
        Duration.ofSeconds(5));
  }

  /**
   * The filter a disabled user's entry matches: the configured one, else the default for the kind
   * of directory (A8).
   */
  public String effectiveDisabledFilter() {
    if (disabledFilter != null && !disabledFilter.isBlank()) {
      return disabledFilter;
    }
    return "user".equalsIgnoreCase(userObjectClass)
        ? ACTIVE_DIRECTORY_DISABLED
        : DIRECTORY_SERVER_DISABLED;
  }

  public boolean enabled() {
    return url != null;
  }

  /** The port in force: the URL's, else 636 for LDAPS and 389 for StartTLS. */
  public int port() {
    if (url != null && url.getPort() > 0) {
      return url.getPort();
    }
    return startTls ? 389 : 636;
  }

  /** One line for the log and doctor; no secrets. */
  public String describe() {
    if (url == null) {
      return "no LDAP directory (bulwark.ldap.url not set)";
    }
    return url.getHost()
        + ":"
        + port()
        + ", "
        + (startTls ? "StartTLS" : "LDAPS")
        + " with certificate and host-name verification"
        + (trustCertificates == null ? "" : " against " + trustCertificates);
  }
}
