package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import java.sql.SQLException;

/**
 * What happens when an execution enters one type of node: continue at once (plan leaving), or
 * create what the execution waits for and return. One stateless implementation per element type.
 */
interface NodeBehavior {

  void enter(RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException;
}
