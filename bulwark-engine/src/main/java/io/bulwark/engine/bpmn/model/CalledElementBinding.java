package io.bulwark.engine.bpmn.model;

/**
 * Which version of the called process a call activity starts ({@code
 * camunda:calledElementBinding}).
 */
public enum CalledElementBinding {
  /** Default: the latest deployed version. */
  LATEST,
  /** The version deployed together with the calling process. */
  DEPLOYMENT,
  /** A fixed version number ({@code camunda:calledElementVersion}). */
  VERSION,
  /** The version carrying a tag ({@code camunda:calledElementVersionTag}). */
  VERSION_TAG
}
