package io.bulwark.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.ExclusiveGateway;
import io.bulwark.engine.bpmn.model.InclusiveGateway;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.IsoDuration;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.bpmn.model.VariableMapping;
import io.bulwark.engine.expression.VariableLookup;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealisticModelsTest {

  @Test
  void invoiceApprovalHasGatewayWithConditionAndDefault() {
    ProcessModel p =
        BpmnTestSupport.parseResource("models/invoice-approval.bpmn").process("invoice_approval");
    assertThat(p.name()).isEqualTo("Invoice approval");
    assertThat(p.versionTag()).isEqualTo("1.2");
    assertThat(p.historyTimeToLiveDays()).isEqualTo(180);
    assertThat(p.noneStartEvent("invoice_approval").id()).isEqualTo("invoice_received");
    ExclusiveGateway gw = (ExclusiveGateway) p.node("amount_check");
    assertThat(gw.defaultFlowId()).isEqualTo("Flow_small");
    assertThat(p.outgoing("amount_check"))
        .extracting(f -> f.id())
        .containsExactly("Flow_large", "Flow_small");
    var large = p.flow("Flow_large");
    assertThat(large.condition().evaluateCondition(VariableLookup.of(Map.of("amount", 1500))))
        .isTrue();
    assertThat(large.condition().evaluateCondition(VariableLookup.of(Map.of("amount", 999))))
        .isFalse();
    UserTask approve = (UserTask) p.node("approve_invoice");
    assertThat(approve.spec().assignee().evaluate(VariableLookup.of(Map.of("approver", "mary"))))
        .isEqualTo("mary");
    assertThat(approve.spec().candidateGroups())
        .extracting(e -> e.evaluate(VariableLookup.empty()))
        .containsExactly("accounting", "management");
    assertThat(approve.spec().formFields())
        .extracting(f -> f.id())
        .containsExactly("approved", "comment");
    assertThat(approve.spec().formFields().get(1).constraints().get(0).config()).isEqualTo("500");
    assertThat(p.incoming("join")).hasSize(2);
  }

  @Test
  void orderFulfilmentForksExternalTasksInParallel() {
    ProcessModel p =
        BpmnTestSupport.parseResource("models/order-fulfilment.bpmn").process("order_fulfilment");
    assertThat(p.historyTimeToLiveDays()).isEqualTo(30);
    assertThat(p.outgoing("fork")).hasSize(2);
    assertThat(p.incoming("join")).hasSize(2);
    ServiceTask charge = (ServiceTask) p.node("charge_card");
    assertThat(charge.implementation())
        .isEqualTo(new ServiceImplementation.ExternalTopic("payment-charge"));
    assertThat(charge.async().before()).isTrue();
    ServiceTask ship = (ServiceTask) p.node("ship");
    assertThat(ship.async().after()).isTrue();
    assertThat(ship.async().exclusive()).isFalse();
  }

  @Test
  void loanApplicationHasInclusiveGatewayFeelConditionAndBoundaryTimers() {
    ProcessModel p =
        BpmnTestSupport.parseResource("models/loan-application.bpmn").process("loan_application");
    assertThat(((InclusiveGateway) p.node("checks")).defaultFlowId()).isEqualTo("l_basic");
    var feel = p.flow("l_collateral").condition();
    assertThat(feel.evaluateCondition(VariableLookup.of(Map.of("collateral", Map.of("value", 5)))))
        .isTrue();
    var el = p.flow("l_credit").condition();
    assertThat(el.evaluateCondition(VariableLookup.of(Map.of("amount", 500, "coApplicant", ""))))
        .isFalse();
    assertThat(p.boundaryEvents("credit_check"))
        .extracting(BoundaryEvent::id)
        .containsExactly("credit_reminder", "credit_timeout");
    BoundaryEvent reminder = (BoundaryEvent) p.node("credit_reminder");
    assertThat(reminder.cancelActivity()).isFalse();
    TimerSpec.After after =
        (TimerSpec.After) ((EventDefinition.Timer) reminder.definition()).spec();
    assertThat(after.duration().period()).isEqualTo(Period.ofDays(1));
    assertThat(((EndEvent) p.node("timed_out")).definition())
        .isInstanceOf(EventDefinition.Terminate.class);
  }

  @Test
  void claimHandlingHasSubProcessWithErrorEndCaughtByBoundary() {
    ParsedDeployment d = BpmnTestSupport.parseResource("models/claim-handling.bpmn");
    ProcessModel p = d.process("claim_handling");
    assertThat(d.errors().get("Error_fraud").errorCode()).isEqualTo("FRAUD");
    SubProcess assess = (SubProcess) p.node("assess");
    assertThat(assess.async().before()).isTrue();
    assertThat(p.noneStartEvent("assess").id()).isEqualTo("assess_start");
    assertThat(p.children("assess"))
        .extracting(n -> n.id())
        .contains("fraud_check", "fraud_gw", "fraud_suspected");
    EndEvent fraud = (EndEvent) p.node("fraud_suspected");
    assertThat(fraud.scopeId()).isEqualTo("assess");
    assertThat(((EventDefinition.ErrorEvent) fraud.definition()).errorCode()).isEqualTo("FRAUD");
    BoundaryEvent onFraud = (BoundaryEvent) p.node("on_fraud");
    assertThat(onFraud.attachedToId()).isEqualTo("assess");
    var caught = (EventDefinition.ErrorEvent) onFraud.definition();
    assertThat(caught.errorCode()).isEqualTo("FRAUD");
    assertThat(caught.errorCodeVariable()).isEqualTo("fraudCode");
  }

  @Test
  void onboardingCallsIdentityVerificationAndWaitsForMessagesAndTimers() {
    ParsedDeployment parent = BpmnTestSupport.parseResource("models/onboarding-parent.bpmn");
    ProcessModel p = parent.process("customer_onboarding");
    StartEvent signup = p.startEvents("customer_onboarding").get(0);
    assertThat(signup.definition())
        .isEqualTo(new EventDefinition.Message("Message_signup", "customer-signup"));
    assertThat(p.noneStartEvent("customer_onboarding")).isNull();
    CallActivity call = (CallActivity) p.node("verify_identity");
    assertThat(call.calledElement()).isEqualTo("identity_verification");
    assertThat(call.inputs())
        .containsExactly(
            new VariableMapping.Copy("customerId", "customerId"),
            new VariableMapping.Copy("email", "contactEmail"));
    assertThat(call.outputs())
        .containsExactly(new VariableMapping.Copy("verified", "identityVerified"));
    assertThat(call.async().before()).isTrue();
    IntermediateCatchEvent wait = (IntermediateCatchEvent) p.node("wait_welcome");
    assertThat(
            ((TimerSpec.After) ((EventDefinition.Timer) wait.definition()).spec())
                .duration()
                .time())
        .hasHours(24);

    ParsedDeployment child =
        BpmnTestSupport.parseResource("models/identity-verification-child.bpmn");
    assertThat(child.processes())
        .extracting(ProcessModel::id)
        .containsExactly("identity_verification", "nightly_cleanup");
    IntermediateCatchEvent docs =
        (IntermediateCatchEvent) child.process("identity_verification").node("documents_uploaded");
    assertThat(((EventDefinition.Message) docs.definition()).messageName())
        .isEqualTo("documents-uploaded");
    StartEvent nightly = child.process("nightly_cleanup").startEvents("nightly_cleanup").get(0);
    TimerSpec.Cycle cycle = (TimerSpec.Cycle) ((EventDefinition.Timer) nightly.definition()).spec();
    assertThat(cycle.repetitions()).isEqualTo(-1);
    assertThat(cycle.start()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
    assertThat(((IsoDuration) cycle.interval()).period()).isEqualTo(Period.ofDays(1));
  }
}
