package io.bulwark.engine.runtime;

import io.bulwark.engine.command.UnitOfWork;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One execution (token or scope) of a process instance, as held by one command. Mutations mark the
 * row changed in the command's unit of work, which keeps a reference to this object and so writes
 * its final state at flush. Not thread-safe: belongs to one command.
 *
 * <p>Tree shape: the root (id = process instance id) is a scope and never a token itself; every
 * token is a child of a scope execution; an embedded sub-process is the token that entered it,
 * turned into a scope until its last child ends.
 */
public final class Execution {

  enum State {
    NEW,
    CLEAN,
    DIRTY,
    DELETED
  }

  private final String id;
  private final String processInstanceId;
  private final String processDefinitionId;
  private final @Nullable String businessKey;
  private final @Nullable String startedBy;
  private final @Nullable String tenantId;
  private final @Nullable String superExecutionId;
  private final @Nullable Instant startedAt;
  private final long rev;
  private @Nullable String parentId;
  private @Nullable String activityId;
  private @Nullable String activityInstanceId;
  private boolean active;
  private boolean concurrent;
  private boolean scope;
  private State state;
  private @Nullable UnitOfWork unitOfWork;

  Execution(ExecutionRow row, State state) {
    this.id = row.id();
    this.processInstanceId = row.processInstanceId();
    this.processDefinitionId = row.processDefinitionId();
    this.businessKey = row.businessKey();
    this.startedBy = row.startedBy();
    this.tenantId = row.tenantId();
    this.superExecutionId = row.superExecutionId();
    this.startedAt = row.startedAt();
    this.rev = row.rev();
    this.parentId = row.parentId();
    this.activityId = row.activityId();
    this.activityInstanceId = row.activityInstanceId();
    this.active = row.active();
    this.concurrent = row.concurrent();
    this.scope = row.scope();
    this.state = state;
  }

  void attach(UnitOfWork work) {
    this.unitOfWork = work;
    if (state == State.NEW) {
      work.insert(ExecutionRows.WRITER, this);
    }
  }

  ExecutionRow toRow() {
    return new ExecutionRow(
        id,
        processInstanceId,
        parentId,
        processDefinitionId,
        activityId,
        businessKey,
        active,
        concurrent,
        scope,
        startedBy,
        tenantId,
        superExecutionId,
        activityInstanceId,
        startedAt,
        rev);
  }

  private void changed() {
    if (state == State.DELETED) {
      throw new IllegalStateException("execution " + id + " is already removed");
    }
    if (state == State.CLEAN) {
      state = State.DIRTY;
      attached().update(ExecutionRows.WRITER, this, rev);
    }
  }

  void remove() {
    if (state == State.DELETED) {
      return;
    }
    state = State.DELETED;
    attached().delete(ExecutionRows.WRITER, id, rev);
  }

  /** Forces an optimistic revision check and increment of this row (used on the root). */
  private UnitOfWork attached() {
    UnitOfWork work = unitOfWork;
    if (work == null) {
      throw new IllegalStateException("execution " + id + " is not attached to a unit of work");
    }
    return work;
  }

  void touch() {
    changed();
  }

  /** True when the execution was created in this command (so no other row refers to it yet). */
  public boolean isNew() {
    return state == State.NEW;
  }

  public boolean isRemoved() {
    return state == State.DELETED;
  }

  public boolean isRoot() {
    return parentId == null;
  }

  public String id() {
    return id;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public String processDefinitionId() {
    return processDefinitionId;
  }

  public @Nullable String businessKey() {
    return businessKey;
  }

  public @Nullable String startedBy() {
    return startedBy;
  }

  public @Nullable String tenantId() {
    return tenantId;
  }

  public @Nullable String superExecutionId() {
    return superExecutionId;
  }

  public @Nullable String parentId() {
    return parentId;
  }

  public @Nullable String activityId() {
    return activityId;
  }

  public @Nullable String activityInstanceId() {
    return activityInstanceId;
  }

  public boolean active() {
    return active;
  }

  public boolean scope() {
    return scope;
  }

  void moveTo(String newActivityId, @Nullable String newActivityInstanceId) {
    changed();
    this.activityId = newActivityId;
    this.activityInstanceId = newActivityInstanceId;
  }

  void setActive(boolean value) {
    if (active != value) {
      changed();
      this.active = value;
    }
  }

  void setScope(boolean value) {
    if (scope != value) {
      changed();
      this.scope = value;
    }
  }

  void setConcurrent(boolean value) {
    if (concurrent != value) {
      changed();
      this.concurrent = value;
    }
  }

  @Override
  public String toString() {
    return "Execution[" + id + " at " + activityId + (scope ? ", scope" : "") + "]";
  }
}
