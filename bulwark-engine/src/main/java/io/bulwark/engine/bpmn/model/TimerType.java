package io.bulwark.engine.bpmn.model;

/** Which BPMN timer element held the value. */
public enum TimerType {
  DATE,
  DURATION,
  CYCLE
}
