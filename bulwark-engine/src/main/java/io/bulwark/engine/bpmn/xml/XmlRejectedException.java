package io.bulwark.engine.bpmn.xml;

/** The document is not acceptable XML for us (E1); {@code line} is 0 when unknown. */
public final class XmlRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  public XmlRejectedException(String message, int line) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
