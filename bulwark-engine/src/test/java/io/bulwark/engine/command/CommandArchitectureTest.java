package io.bulwark.engine.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.bulwark.engine.authz.AuthorizationChecker;
import org.junit.jupiter.api.Test;

/**
 * Every command says what it requires (Z2): concrete {@link Command} implementations in the main
 * code are final, named {@code …Command}, live in a feature or the command package, and declare
 * {@code requirement()} themselves. Test commands are checked too, so the rule is never vacuous.
 */
class CommandArchitectureTest {

  private static final DescribedPredicate<JavaClass> CONCRETE_COMMANDS =
      DescribedPredicate.describe(
          "concrete commands",
          c ->
              c.isAssignableTo(Command.class)
                  && !c.isInterface()
                  && !c.isAnonymousClass()
                  && !c.getModifiers().contains(JavaModifier.ABSTRACT));

  private static final ArchCondition<JavaClass> DECLARE_REQUIREMENT =
      new ArchCondition<>("declare requirement()") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          boolean declared =
              item.getMethods().stream()
                  .anyMatch(
                      m -> m.getName().equals("requirement") && m.getRawParameterTypes().isEmpty());
          events.add(
              new SimpleConditionEvent(
                  item, declared, item.getName() + " declares requirement(): " + declared));
        }
      };

  @Test
  void z2_everyMainCommandDeclaresItsRequirement() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.engine");
    classes()
        .that(CONCRETE_COMMANDS)
        .should(DECLARE_REQUIREMENT)
        .andShould()
        .haveSimpleNameEndingWith("Command")
        .andShould()
        .haveModifier(JavaModifier.FINAL)
        .andShould()
        .resideInAnyPackage(
            "..engine.command..",
            "..engine.deployment..",
            "..engine.dmn..",
            "..engine.instance..",
            "..engine.task..",
            "..engine.job..",
            "..engine.variable..",
            "..engine.history..",
            "..engine.identity..",
            "..engine.authz..",
            "..engine.grant..",
            "..engine.externaltask..",
            "..engine.audit..",
            "..engine.location..",
            "..engine.keys..")
        .allowEmptyShould(true)
        .check(main);
  }

  /**
   * The executor is the one place that asks the checker (Z2); commands go through it. (The
   * checker's own package may call its helpers.)
   */
  @Test
  void z2_onlyTheCommandExecutorAsksTheChecker() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.engine");
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(CommandExecutor.class.getName())
        .and()
        .resideOutsideOfPackage("..engine.authz..")
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a method of AuthorizationChecker",
                call -> call.getTarget().getOwner().isAssignableTo(AuthorizationChecker.class)))
        .check(main);
  }

  @Test
  void z2_testCommandsDeclareTheirRequirement() {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.bulwark.engine.command");
    classes().that(CONCRETE_COMMANDS).should(DECLARE_REQUIREMENT).check(tests);
  }
}
