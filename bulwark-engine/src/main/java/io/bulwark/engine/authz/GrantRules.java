package io.bulwark.engine.authz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The stored rules that speak about one permission on one resource type for one subject, and how
 * they decide (Z1, Z2). Precedence, first level with a matching rule decides:
 *
 * <ol>
 *   <li>the user's rules on the resource, then the user's rules on all resources ({@code *});
 *   <li>the user's groups' rules on the resource, then on all resources;
 *   <li>global rules on the resource, then on all resources.
 * </ol>
 *
 * Within a level a revoke beats a grant. When no level matches, the stored rules say nothing: the
 * checker then tries case security (Z3) and ends in the explicit default deny. Immutable.
 */
public final class GrantRules {

  private static final Comparator<Grant> BY_ID = Comparator.comparing(Grant::id);

  private final Permission permission;
  private final List<Grant> rules;

  /** {@code rules} must be those of one subject (its user, its groups, global) on one type. */
  public GrantRules(Permission permission, List<Grant> rules) {
    this.permission = Objects.requireNonNull(permission, "permission");
    this.rules = rules.stream().filter(r -> r.covers(permission)).sorted(BY_ID).toList();
  }

  public Permission permission() {
    return permission;
  }

  /** The explicit decision on one resource, or empty when no stored rule speaks about it. */
  public Optional<Decision> decide(String resourceId) {
    for (Level level : Level.values()) {
      Optional<Decision> decided = decideAt(level, resourceId);
      if (decided.isPresent()) {
        return decided;
      }
    }
    return Optional.empty();
  }

  /**
   * The explicit decision on a resource that no rule names specifically, i.e. from the rules on all
   * resources ({@code *}) alone; empty when none speaks.
   */
  public Optional<Decision> decideUnnamed() {
    for (Level level : Level.values()) {
      if (!level.specific) {
        Optional<Decision> decided = decideAt(level, Requirement.ANY);
        if (decided.isPresent()) {
          return decided;
        }
      }
    }
    return Optional.empty();
  }

  /** The decision on each resource that some rule names specifically, in ID order. */
  public Map<String, Decision> decideNamed() {
    TreeSet<String> ids = new TreeSet<>();
    for (Grant rule : rules) {
      if (rule.isSpecific()) {
        ids.add(rule.resourceId());
      }
    }
    Map<String, Decision> decisions = new LinkedHashMap<>();
    for (String id : ids) {
      decisions.put(id, decide(id).orElseThrow());
    }
    return decisions;
  }

  private Optional<Decision> decideAt(Level level, String resourceId) {
    if (level.specific && Requirement.ANY.equals(resourceId)) {
      return Optional.empty();
    }
    List<Grant> matching = new ArrayList<>();
    for (Grant rule : rules) {
      if (level.holds(rule)
          && rule.resourceId().equals(level.specific ? resourceId : Requirement.ANY)) {
        matching.add(rule);
      }
    }
    for (Grant rule : matching) {
      if (rule.type() == Grant.Type.REVOKE) {
        return Optional.of(Decision.by(rule));
      }
    }
    return matching.stream().findFirst().map(Decision::by);
  }

  /** The precedence levels, in order. */
  private enum Level {
    USER_ON_RESOURCE(true),
    USER_ON_ALL(false),
    GROUP_ON_RESOURCE(true),
    GROUP_ON_ALL(false),
    GLOBAL_ON_RESOURCE(true),
    GLOBAL_ON_ALL(false);

    private final boolean specific;

    Level(boolean specific) {
      this.specific = specific;
    }

    boolean holds(Grant rule) {
      return switch (this) {
        case USER_ON_RESOURCE, USER_ON_ALL -> rule.userId() != null;
        case GROUP_ON_RESOURCE, GROUP_ON_ALL -> rule.groupId() != null;
        case GLOBAL_ON_RESOURCE, GLOBAL_ON_ALL -> rule.type() == Grant.Type.GLOBAL;
      };
    }
  }
}
