package io.bulwark.server.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.server.tls.HostVerifyingSocketFactory;
import io.bulwark.server.tls.OutboundTrust;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LDAP directory (A8) over a pool of connections that are TLS from the first byte (LDAPS) or
 * upgraded by StartTLS before the service account binds, with the certificate checked against the
 * trust store and the host name against the certificate (T7). Every filter is built by the SDK
 * ({@link Filter#createEqualityFilter}, which escapes the value), so a user ID cannot change a
 * search (no LDAP injection). Passwords are checked by a bind as the user's DN on a pooled
 * connection, which then returns to the service account; password attributes are never requested.
 * Thread-safe; {@link #close()} closes the pool.
 */
public final class LdapDirectory implements ExternalDirectory, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

  private final LdapSettings settings;
  private final String userBaseDn;
  private final LDAPConnectionPool pool;
  private final String[] userAttributes;
  private final LdapGroupMapping mapping;

  /**
   * @param bindPassword the service account's password; cleared by the caller afterwards
   */
  public LdapDirectory(LdapSettings settings, Secret bindPassword) {
    this(settings, LdapGroupMapping.none(), bindPassword);
  }

  /**
   * @param mapping the Bulwark groups that directory groups give their members
   * @param bindPassword the service account's password; cleared by the caller afterwards
   */
  public LdapDirectory(LdapSettings settings, LdapGroupMapping mapping, Secret bindPassword) {
    this.mapping = mapping;
    URI url = settings.url();
    String baseDn = settings.userBaseDn();
    if (url == null || baseDn == null) {
      throw new IllegalArgumentException("no bulwark.ldap.url: no directory");
    }
    this.settings = settings;
    this.userBaseDn = baseDn;
    this.userAttributes =
        new String[] {
          settings.userIdAttribute(),
          settings.firstNameAttribute(),
          settings.lastNameAttribute(),
          settings.displayNameAttribute(),
          settings.emailAttribute()
        };
    SSLContext tls = OutboundTrust.clientContext(settings.trustCertificates());
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
    options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    SSLSocketFactory verifying = new HostVerifyingSocketFactory(tls.getSocketFactory(), "LDAPS");
    SocketFactory sockets = settings.startTls() ? SocketFactory.getDefault() : verifying;
    PostConnectProcessor startTls =
        settings.startTls() ? new StartTLSPostConnectProcessor(verifying) : null;
    // The pool keeps these bytes to bind every new connection: they live as long as the pool.
    byte[] password = bindPassword.utf8();
    try {
      this.pool =
          new LDAPConnectionPool(
              new SingleServerSet(url.getHost(), settings.port(), sockets, options),
              new SimpleBindRequest(settings.bindDn(), password),
              0,
              settings.maxConnections(),
              startTls);
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot set up the LDAP pool: " + e.getResultCode(), e);
    }
    pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
    LOG.info("LDAP directory: {} (A8, T7)", settings.describe());
  }

  @Override
  public String name() {
    return "ldap";
  }

  @Override
  public Optional<DirectoryUser> findUser(String userId) {
    Filter filter =
        Filter.createANDFilter(
            Filter.createEqualityFilter("objectClass", settings.userObjectClass()),
            Filter.createEqualityFilter(settings.userIdAttribute(), userId));
    try {
      SearchResult result = pool.search(userBaseDn, SearchScope.SUB, filter, userAttributes);
      if (result.getEntryCount() != 1) {
        // None, or an ambiguous ID: no one signs in as either.
        return Optional.empty();
      }
      SearchResultEntry entry = result.getSearchEntries().get(0);
      return Optional.of(user(entry, disabled(entry.getDN()), groups(entry.getDN())));
    } catch (LDAPException e) {
      throw new IllegalStateException("LDAP search failed: " + e.getResultCode(), e);
    }
  }

  @Override
  public boolean verifyPassword(DirectoryUser user, Secret password) {
    return bind(user.reference(), password);
  }

  @Override
  public void verifyUnknownUser(String userId, Secret password) {
    try {
      DN dn = new DN(new RDN(settings.userIdAttribute(), userId), new DN(userBaseDn));
      bind(dn.toString(), password.length() == 0 ? Secret.of("-") : password);
    } catch (LDAPException ignored) {
      // The base DN is checked at the first search; nothing to spend time on here.
    }
  }

  /** A bind as {@code dn}; true only for a successful bind, never for an anonymous one. */
  private boolean bind(String dn, Secret password) {
    if (password.length() == 0) {
      return false;
    }
    byte[] bytes = password.utf8();
    try {
      pool.bindAndRevertAuthentication(new SimpleBindRequest(dn, bytes));
      return true;
    } catch (LDAPException e) {
      if (!ResultCode.INVALID_CREDENTIALS.equals(e.getResultCode())) {
        LOG.warn("LDAP bind refused with {} (A8)", e.getResultCode());
      }
      return false;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private DirectoryUser user(SearchResultEntry entry, boolean disabled, Set<String> groups) {
    return new DirectoryUser(
        entry.getAttributeValue(settings.userIdAttribute()),
        entry.getDN(),
        entry.getAttributeValue(settings.firstNameAttribute()),
        entry.getAttributeValue(settings.lastNameAttribute()),
        entry.getAttributeValue(settings.displayNameAttribute()),
        entry.getAttributeValue(settings.emailAttribute()),
        disabled,
        groups);
  }

  private boolean disabled(String dn) throws LDAPException {
    Filter disabled = Filter.create(settings.effectiveDisabledFilter());
    return pool.searchForEntry(dn, SearchScope.BASE, disabled, "1.1") != null;
  }

  private Set<String> groups(String userDn) throws LDAPException {
    if (settings.groupBaseDn() == null || settings.groupBaseDn().isBlank()) {
      return Set.of();
    }
    Filter filter =
        Filter.createANDFilter(
            Filter.createEqualityFilter("objectClass", settings.groupObjectClass()),
            Filter.createEqualityFilter(settings.groupMemberAttribute(), userDn));
    SearchResult result =
        pool.search(settings.groupBaseDn(), SearchScope.SUB, filter, settings.groupIdAttribute());
    Set<String> groups = new LinkedHashSet<>();
    for (SearchResultEntry entry : result.getSearchEntries()) {
      groups.addAll(
          mapping.groupsOf(entry.getAttributeValue(settings.groupIdAttribute()), entry.getDN()));
    }
    return groups;
  }

  @Override
  public List<DirectoryUser> searchUsers(UserQuery query) {
    List<Filter> parts = new ArrayList<>();
    parts.add(Filter.createEqualityFilter("objectClass", settings.userObjectClass()));
    if (!LdapFilters.addIds(parts, settings.userIdAttribute(), query.id(), query.ids())) {
      return List.of();
    }
    LdapFilters.addValue(parts, settings.firstNameAttribute(), query.firstName());
    LdapFilters.addLike(parts, settings.firstNameAttribute(), query.firstNameLike());
    LdapFilters.addValue(parts, settings.lastNameAttribute(), query.lastName());
    LdapFilters.addLike(parts, settings.lastNameAttribute(), query.lastNameLike());
    LdapFilters.addValue(parts, settings.emailAttribute(), query.email());
    LdapFilters.addLike(parts, settings.emailAttribute(), query.emailLike());
    Filter users = Filter.createANDFilter(parts);
    try {
      List<SearchResultEntry> entries = boundedSearch(userBaseDn, users, "users", userAttributes);
      if (entries.isEmpty()) {
        return List.of();
      }
      Set<DN> disabled = new HashSet<>();
      for (SearchResultEntry entry :
          boundedSearch(
              userBaseDn,
              Filter.createANDFilter(users, Filter.create(settings.effectiveDisabledFilter())),
              "disabled users",
              "1.1")) {
        disabled.add(entry.getParsedDN());
      }
      Map<DN, Set<String>> groups = groupsByMember();
      List<DirectoryUser> found = new ArrayList<>();
      for (SearchResultEntry entry : entries) {
        DN dn = entry.getParsedDN();
        found.add(user(entry, disabled.contains(dn), groups.getOrDefault(dn, Set.of())));
      }
      return found;
    } catch (LDAPException e) {
      throw new IllegalStateException("LDAP search failed: " + e.getResultCode(), e);
    }
  }

  @Override
  public List<DirectoryGroup> searchGroups(GroupQuery query) {
    if (settings.groupBaseDn() == null || settings.groupBaseDn().isBlank()) {
      return List.of();
    }
    List<Filter> parts = new ArrayList<>();
    parts.add(Filter.createEqualityFilter("objectClass", settings.groupObjectClass()));
    if (!LdapFilters.addIds(parts, settings.groupIdAttribute(), query.id(), query.ids())) {
      return List.of();
    }
    LdapFilters.addValue(parts, settings.groupIdAttribute(), query.name());
    LdapFilters.addLike(parts, settings.groupIdAttribute(), query.nameLike());
    try {
      if (query.member() != null) {
        Optional<String> memberDn = userDn(query.member());
        if (memberDn.isEmpty()) {
          return List.of();
        }
        parts.add(Filter.createEqualityFilter(settings.groupMemberAttribute(), memberDn.get()));
      }
      List<DirectoryGroup> found = new ArrayList<>();
      for (SearchResultEntry entry :
          boundedSearch(
              settings.groupBaseDn(),
              Filter.createANDFilter(parts),
              "groups",
              settings.groupIdAttribute())) {
        String id = entry.getAttributeValue(settings.groupIdAttribute());
        if (id != null) {
          found.add(new DirectoryGroup(id));
        }
      }
      return found;
    } catch (LDAPException e) {
      throw new IllegalStateException("LDAP search failed: " + e.getResultCode(), e);
    }
  }

  private Optional<String> userDn(String userId) throws LDAPException {
    Filter filter =
        Filter.createANDFilter(
            Filter.createEqualityFilter("objectClass", settings.userObjectClass()),
            Filter.createEqualityFilter(settings.userIdAttribute(), userId));
    SearchResult result = pool.search(userBaseDn, SearchScope.SUB, filter, "1.1");
    return result.getEntryCount() == 1
        ? Optional.of(result.getSearchEntries().get(0).getDN())
        : Optional.empty();
  }

  /** Every member DN of the directory's groups, with the Bulwark groups that membership gives. */
  private Map<DN, Set<String>> groupsByMember() throws LDAPException {
    Map<DN, Set<String>> groups = new HashMap<>();
    if (settings.groupBaseDn() == null || settings.groupBaseDn().isBlank()) {
      return groups;
    }
    for (SearchResultEntry entry :
        boundedSearch(
            settings.groupBaseDn(),
            Filter.createEqualityFilter("objectClass", settings.groupObjectClass()),
            "groups",
            settings.groupIdAttribute(),
            settings.groupMemberAttribute())) {
      Set<String> given =
          mapping.groupsOf(entry.getAttributeValue(settings.groupIdAttribute()), entry.getDN());
      String[] members = entry.getAttributeValues(settings.groupMemberAttribute());
      for (String member : members == null ? new String[0] : members) {
        try {
          groups.computeIfAbsent(new DN(member), dn -> new LinkedHashSet<>()).addAll(given);
        } catch (LDAPException notADn) {
          // A member value that is no DN names no user.
        }
      }
    }
    return groups;
  }

  /**
   * A search bounded by {@code search-size-limit} entries and {@code search-time-limit} (A8, W8):
   * beyond the size limit the first entries are kept and a warning logged; a search that runs out
   * of time fails, so that a list is never silently short.
   */
  private List<SearchResultEntry> boundedSearch(
      String base, Filter filter, String what, String... attributes) throws LDAPException {
    SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
    request.setSizeLimit(settings.searchSizeLimit());
    request.setTimeLimitSeconds((int) Math.max(1, settings.searchTimeLimit().toSeconds()));
    request.setResponseTimeoutMillis(settings.searchTimeLimit().toMillis());
    try {
      return pool.search(request).getSearchEntries();
    } catch (LDAPSearchException e) {
      if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) {
        LOG.warn(
            "LDAP search for {} exceeded bulwark.ldap.search-size-limit {}: only the first are"
                + " listed (A8, W8)",
            what,
            settings.searchSizeLimit());
        return e.getSearchEntries();
      }
      throw e;
    }
  }

  /**
   * Whether the service account can bind and read the user base now; for doctor (A8).
   *
   * @return empty when it can, else what failed (a result code, never a secret)
   */
  public Optional<String> probe() {
    try {
      pool.getRootDSE();
      if (pool.getEntry(userBaseDn, "1.1") == null) {
        return Optional.of("user base " + userBaseDn + " not found");
      }
      return Optional.empty();
    } catch (LDAPException e) {
      return Optional.of("LDAP error " + e.getResultCode());
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
