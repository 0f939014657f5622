package io.bulwark.server.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.bulwark.server.mail.TestTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * An in-process LDAP server (UnboundID's in-memory directory) speaking LDAPS on one port and
 * StartTLS on another, with the {@link TestTls} certificate for {@code localhost}; a service
 * account, users {@code ada} (group {@code engineers}), {@code eve} (disabled by {@code
 * description}) and {@code mallory} (locked by {@code nsAccountLock}), with the passwords below.
 */
public final class TestDirectoryServer implements AutoCloseable {

  public static final String BASE = "dc=example,dc=org";
  public static final String SERVICE_DN = "cn=bulwark,ou=services," + BASE;
  public static final String SERVICE_PASSWORD = "service-secret-7Hq2";
  public static final String ADA_PASSWORD = "Ada-Analytical-Engine-1843";
  public static final String EVE_PASSWORD = "Eve-Disabled-Account-2024";
  public static final String MALLORY_PASSWORD = "Mallory-Locked-Account-2025";

  private final InMemoryDirectoryServer server;
  private final TestTls tls;
  private final Path dir;

  private TestDirectoryServer(InMemoryDirectoryServer server, TestTls tls, Path dir) {
    this.server = server;
    this.tls = tls;
    this.dir = dir;
  }

  public static TestDirectoryServer start() {
    try {
      Path dir = Files.createTempDirectory("bulwark-ldap-");
      TestTls tls = TestTls.create(dir);
      SSLUtil serverTls =
          new SSLUtil(
              new KeyStoreKeyManager(
                  tls.keyStore().toFile(), tls.password().toCharArray(), "PKCS12", "server"),
              new TrustAllTrustManager());
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), lockSchema()));
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPSConfig(
              "ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null),
          InMemoryListenerConfig.createLDAPConfig(
              "starttls", loopback, 0, serverTls.createSSLSocketFactory()));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
      for (String ou : new String[] {"people", "groups", "services"}) {
        server.add(
            "dn: ou=" + ou + "," + BASE,
            "objectClass: top",
            "objectClass: organizationalUnit",
            "ou: " + ou);
      }
      server.add(
          "dn: " + SERVICE_DN,
          "objectClass: top",
          "objectClass: person",
          "cn: bulwark",
          "sn: service",
          "userPassword: " + SERVICE_PASSWORD);
      addPeople(server);
      server.startListening();
      return new TestDirectoryServer(server, tls, dir);
    } catch (LDAPException | LDIFException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The users and the group; passwords in clear, as a test directory may hold them. */
  private static void addPeople(InMemoryDirectoryServer server)
      throws LDAPException, LDIFException {
    server.add(
        "dn: uid=ada,ou=people," + BASE,
        "objectClass: top",
        "objectClass: person",
        "objectClass: organizationalPerson",
        "objectClass: inetOrgPerson",
        "uid: ada",
        "cn: Ada Lovelace",
        "givenName: Ada",
        "sn: Lovelace",
        "mail: ada@example.org",
        "userPassword: " + ADA_PASSWORD);
    server.add(
        "dn: uid=eve,ou=people," + BASE,
        "objectClass: top",
        "objectClass: person",
        "objectClass: organizationalPerson",
        "objectClass: inetOrgPerson",
        "uid: eve",
        "cn: Eve",
        "sn: Eve",
        "description: disabled",
        "userPassword: " + EVE_PASSWORD);
    server.add(
        "dn: uid=mallory,ou=people," + BASE,
        "objectClass: top",
        "objectClass: person",
        "objectClass: organizationalPerson",
        "objectClass: inetOrgPerson",
        "objectClass: extensibleObject",
        "uid: mallory",
        "cn: Mallory",
        "sn: Mallory",
        "nsAccountLock: TRUE",
        "userPassword: " + MALLORY_PASSWORD);
    server.add(
        "dn: cn=engineers,ou=groups," + BASE,
        "objectClass: top",
        "objectClass: groupOfNames",
        "cn: engineers",
        "member: uid=ada,ou=people," + BASE);
  }

  /** The lock attributes of 389 Directory Server and OpenLDAP's password policy. */
  private static Schema lockSchema() {
    return new Schema(
        new Entry(
            "cn=schema",
            new Attribute(
                "attributeTypes",
                "( 2.16.840.1.113730.3.1.610 NAME 'nsAccountLock' EQUALITY caseIgnoreMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
                "( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime'"
                    + " EQUALITY generalizedTimeMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.24"
                    + " SINGLE-VALUE )")));
  }

  /**
   * Adds a user under {@code ou=people} that a test may lock or delete, member of the given group
   * entries under {@code ou=groups} (created when missing).
   */
  public void addUser(String uid, String password, String... groups) {
    String dn = "uid=" + uid + ",ou=people," + BASE;
    try {
      server.add(
          "dn: " + dn,
          "objectClass: top",
          "objectClass: person",
          "objectClass: organizationalPerson",
          "objectClass: inetOrgPerson",
          "objectClass: extensibleObject",
          "uid: " + uid,
          "cn: " + uid,
          "sn: " + uid,
          "userPassword: " + password);
      for (String group : groups) {
        String groupDn = "cn=" + group + ",ou=groups," + BASE;
        if (server.getEntry(groupDn) == null) {
          server.add(
              "dn: " + groupDn,
              "objectClass: top",
              "objectClass: groupOfNames",
              "cn: " + group,
              "member: " + dn);
        } else {
          server.modify(groupDn, new Modification(ModificationType.ADD, "member", dn));
        }
      }
    } catch (LDAPException | LDIFException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Locks a user added by {@link #addUser} with {@code nsAccountLock: TRUE}. */
  public void lock(String uid) {
    modifyUser(uid, new Modification(ModificationType.ADD, "nsAccountLock", "TRUE"));
  }

  /** Sets a user's e-mail address, a change of the entry that Bulwark reads. */
  public void setMail(String uid, String mail) {
    modifyUser(uid, new Modification(ModificationType.REPLACE, "mail", mail));
  }

  /** Deletes a user's entry (its group memberships stay, as dangling DNs). */
  public void delete(String uid) {
    try {
      server.delete("uid=" + uid + ",ou=people," + BASE);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private void modifyUser(String uid, Modification modification) {
    try {
      server.modify("uid=" + uid + ",ou=people," + BASE, modification);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  public int ldapsPort() {
    return server.getListenPort("ldaps");
  }

  int startTlsPort() {
    return server.getListenPort("starttls");
  }

  public Path trustedCertificates() {
    return tls.caPem();
  }

  /** The service account's password in a 0600 file. */
  public Path bindPasswordFile() {
    try {
      Path file = dir.resolve("bind-password");
      if (!Files.exists(file)) {
        Files.writeString(file, SERVICE_PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings for this server: {@code host} is what the client connects to. */
  LdapSettings settings(String url, boolean startTls, Path trust) {
    return new LdapSettings(
        URI.create(url),
        startTls,
        trust,
        SERVICE_DN,
        bindPasswordFile(),
        "ou=people," + BASE,
        "inetOrgPerson",
        "uid",
        "givenName",
        "sn",
        "cn",
        "mail",
        "(description=disabled)",
        "ou=groups," + BASE,
        "groupOfNames",
        "cn",
        "member",
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        4);
  }

  LdapSettings ldaps() {
    return settings("ldaps://localhost:" + ldapsPort(), false, trustedCertificates());
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
