package io.bulwark.engine.bpmn.xml;

/** Namespace URIs the reader understands. */
public final class Namespaces {

  public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  public static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /**
   * The extension namespace of Activiti, which Camunda 7 still reads as its own: its attributes and
   * elements are read as {@link #CAMUNDA} ones, so that the same rules (and refusals) apply.
   */
  public static final String ACTIVITI = "http://activiti.org/bpmn";

  /** {@code uri}, or {@link #CAMUNDA} for the Activiti alias. */
  public static String canonical(String uri) {
    return ACTIVITI.equals(uri) ? CAMUNDA : uri;
  }

  private Namespaces() {}
}
