package io.bulwark.server.rest;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.auth.SignedInUser;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * INTERIM, until delegated administration is designed: the engine checks every identity command
 * against the stored grants (Z2), and on top of that the server lets only members of {@value
 * IdentityService#ADMINISTRATORS_GROUP} manage users, groups and tenants, so that a grant on a user
 * or group given for another purpose does not yet open the administration endpoints. Any user may
 * read their own profile ({@code GET /engine-rest/user/{own id}/profile}) and list their own
 * sessions ({@code GET /engine-rest/user/{own id}/sessions}, A10), and change their own password
 * ({@code PUT /engine-rest/user/{own id}/credentials}, which the engine checks against the current
 * password).
 */
final class InterimAdministratorGuard extends OncePerRequestFilter {

  static final String DETAIL =
      "Managing users, groups and tenants is limited to members of "
          + IdentityService.ADMINISTRATORS_GROUP
          + " for now; other users may read their own profile and sessions and change their own"
          + " password.";

  private static final List<String> GUARDED =
      List.of(RestPaths.USER, RestPaths.GROUP, RestPaths.TENANT, RestPaths.DELETED_IDS);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof SignedInUser user
        && isGuarded(request)
        && !isAboutSelf(request, user.userId())
        && !user.groups().contains(IdentityService.ADMINISTRATORS_GROUP)) {
      ErrorResponder.respond(request, response, Problem.of(ProblemType.FORBIDDEN, DETAIL));
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isGuarded(HttpServletRequest request) {
    String path = RestPaths.pathOf(request);
    return GUARDED.stream().anyMatch(prefix -> RestPaths.isUnder(path, prefix));
  }

  private static boolean isAboutSelf(HttpServletRequest request, String userId) {
    return RestPaths.isAboutSelf(request, "GET", userId, "/profile")
        || RestPaths.isAboutSelf(request, "GET", userId, "/sessions")
        || RestPaths.isAboutSelf(request, "PUT", userId, "/credentials");
  }
}
