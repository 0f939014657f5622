package io.bulwark.engine.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the rules of one subject into the SQL condition of a list query (Z2, Z3), so that the
 * database returns and counts only rows the subject may see, with the same precedence as a single
 * decision ({@link GrantRules}): a row named by a rule is decided by that rule; any other row by
 * the rules on all resources; when none speaks, by case security and definition-level grants;
 * otherwise it is denied. The checker adds the tenant restriction ({@link TenantScope}) on top.
 * Stateless.
 */
final class FilterCompiler {

  /** Most resource IDs or definition keys a rule set may name in one filter (W11). */
  static final int MAX_NAMED = 1000;

  private FilterCompiler() {}

  static SqlFilter compile(
      Subject subject,
      ListTarget target,
      GrantRules own,
      Optional<GrantRules> byDefinition,
      CaseSecurity.TaskLookup lookup) {
    Map<String, Decision> named = own.decideNamed();
    List<Object> granted = ids(named, true);
    List<Object> denied = ids(named, false);
    Optional<Decision> unnamed = own.decideUnnamed();
    String id = target.idColumn();
    if (unnamed.isPresent() && unnamed.get().isGranted()) {
      return denied.isEmpty()
          ? SqlFilter.unrestricted(unnamed.get().rule())
          : SqlFilter.of(notIn(id, denied), denied.toArray());
    }
    if (unnamed.isPresent()) {
      return granted.isEmpty()
          ? SqlFilter.of("1 = 0")
          : SqlFilter.of(in(id, granted), granted.toArray());
    }
    List<String> implied = new ArrayList<>();
    List<Object> impliedValues = new ArrayList<>();
    if (CaseSecurity.involvementGrants(target.type(), own.permission())) {
      CaseSecurity.Sql involved = involvement(target, subject, lookup);
      implied.add(involved.text());
      impliedValues.addAll(involved.values());
    }
    byDefinition.ifPresent(rules -> definition(target, rules, implied, impliedValues));
    List<String> parts = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (!granted.isEmpty()) {
      parts.add(in(id, granted));
      values.addAll(granted);
    }
    if (!implied.isEmpty()) {
      String any = "(" + String.join(" OR ", implied) + ")";
      if (denied.isEmpty()) {
        parts.add(any);
      } else {
        parts.add("(" + notIn(id, denied) + " AND " + any + ")");
        values.addAll(denied);
      }
      values.addAll(impliedValues);
    }
    if (parts.isEmpty()) {
      return SqlFilter.of("1 = 0");
    }
    return SqlFilter.of(String.join(" OR ", parts), values.toArray());
  }

  private static CaseSecurity.Sql involvement(
      ListTarget target, Subject subject, CaseSecurity.TaskLookup lookup) {
    if (target instanceof ListTarget.Tasks tasks) {
      return CaseSecurity.involvedInTask(tasks.idColumn(), subject, lookup);
    }
    ListTarget.Instances instances = (ListTarget.Instances) target;
    return CaseSecurity.involvedInInstance(
        instances.idColumn(), instances.startedByColumn(), subject);
  }

  private static void definition(
      ListTarget target, GrantRules rules, List<String> implied, List<Object> values) {
    String key =
        target instanceof ListTarget.Tasks tasks
            ? tasks.definitionKeyColumn()
            : ((ListTarget.Instances) target).definitionKeyColumn();
    Map<String, Decision> named = rules.decideNamed();
    List<Object> granted = ids(named, true);
    List<Object> denied = ids(named, false);
    Optional<Decision> unnamed = rules.decideUnnamed();
    if (unnamed.isPresent() && unnamed.get().isGranted()) {
      implied.add(denied.isEmpty() ? "1 = 1" : notIn(key, denied));
      values.addAll(denied);
    } else if (!granted.isEmpty()) {
      implied.add(in(key, granted));
      values.addAll(granted);
    }
  }

  private static List<Object> ids(Map<String, Decision> named, boolean grantedOnes) {
    List<Object> ids = new ArrayList<>();
    named.forEach(
        (id, decision) -> {
          if (decision.isGranted() == grantedOnes) {
            ids.add(id);
          }
        });
    if (ids.size() > MAX_NAMED) {
      throw new IllegalStateException(
          "more than " + MAX_NAMED + " rules name single resources; grant on groups or on '*'");
    }
    return ids;
  }

  private static String in(String column, List<Object> values) {
    return column + " IN (" + GrantRepository.marks(values.size()) + ")";
  }

  private static String notIn(String column, List<Object> values) {
    return column + " NOT IN (" + GrantRepository.marks(values.size()) + ")";
  }
}
