package io.bulwark.server.engine;

import io.bulwark.engine.api.AuthorizationQuery;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import java.util.ArrayList;
import java.util.List;

/** Every authorization rule, read page by page, for the doctor's checks of the rules (Z1, A6). */
final class AllRules {

  private static final int PAGE = 500;

  private AllRules() {}

  static List<AuthorizationRule> read(AuthorizationService rules, Principal reader) {
    List<AuthorizationRule> all = new ArrayList<>();
    int first = 0;
    Page<AuthorizationRule> page;
    do {
      page = rules.findRules(reader, AuthorizationQuery.all(PAGE).page(first, PAGE));
      all.addAll(page.items());
      first += PAGE;
    } while (first < page.total());
    return all;
  }
}
