package io.bulwark.server.engine;

import io.bulwark.engine.api.HostileModelOutcome;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;
import java.util.function.Supplier;

/**
 * Doctor checks E1, E2 and E3, one instance each: feeds the engine's own parser, with this server's
 * settings, the hostile models of its self-test ({@code RepositoryService.selfTestModelPolicy}) and
 * FAILs when one attacking this requirement was accepted. Live proof rather than a reading of
 * settings: a parser change or an embedding that loosens the policy shows here.
 */
public final class ModelPolicyCheck implements LocalCheck {

  private final String id;
  private final Supplier<List<HostileModelOutcome>> selfTest;

  /**
   * @param id {@code E1}, {@code E2} or {@code E3}
   * @param selfTest runs the engine's self-test
   */
  public ModelPolicyCheck(String id, Supplier<List<HostileModelOutcome>> selfTest) {
    this.id = id;
    this.selfTest = selfTest;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Finding run() {
    List<HostileModelOutcome> own =
        selfTest.get().stream().filter(o -> o.requirementId().equals(id)).toList();
    if (own.isEmpty()) {
      return Finding.fail(
          id, "the engine's model self-test has no case for " + id, "report a bug in this check");
    }
    List<String> accepted = own.stream().filter(o -> !o.refused()).map(o -> o.attack()).toList();
    if (!accepted.isEmpty()) {
      return Finding.fail(
          id,
          "the engine's parser accepted hostile models: " + String.join(", ", accepted),
          "do not deploy models until this is fixed: check the engine settings passed by the"
              + " embedding application (parse options, delegate allowlist) and report the build");
    }
    return Finding.pass(
        id,
        "the engine's parser refused all "
            + own.size()
            + " hostile models of the self-test: "
            + String.join(", ", own.stream().map(HostileModelOutcome::attack).toList()));
  }
}
