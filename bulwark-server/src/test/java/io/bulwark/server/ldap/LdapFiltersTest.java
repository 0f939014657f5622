package io.bulwark.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** List filters become escaped LDAP filters (A8): a value never changes a filter's structure. */
class LdapFiltersTest {

  private static String like(String pattern) {
    List<Filter> parts = new ArrayList<>();
    LdapFilters.addLike(parts, "givenName", pattern);
    return parts.get(0).toString();
  }

  @Test
  void a8_likePatternsBecomeSubstringPresenceOrEqualityFilters() {
    assertThat(like("Ad%")).isEqualTo("(givenName=Ad*)");
    assertThat(like("%d_%a")).isEqualTo("(givenName=*d*a)");
    assertThat(like("%")).isEqualTo("(givenName=*)");
    assertThat(like("Ada")).isEqualTo("(givenName=Ada)");
    assertThat(like("50\\%")).isEqualTo("(givenName=50%)");
  }

  @Test
  void a8_filterCharactersInValuesAreEscaped() {
    assertThat(like("*)(uid=*")).isEqualTo("(givenName=\\2a\\29\\28uid=\\2a)");
    assertThat(like("%)(|(uid=%")).isEqualTo("(givenName=*\\29\\28|\\28uid=*)");
    List<Filter> parts = new ArrayList<>();
    assertThat(LdapFilters.addIds(parts, "uid", null, Set.of("a)(x=*", "b"))).isTrue();
    assertThat(parts.get(0).toString()).isEqualTo("(|(uid=a\\29\\28x=\\2a)(uid=b))");
    assertThat(LdapFilters.addIds(new ArrayList<>(), "uid", null, Set.of())).isFalse();
  }
}
