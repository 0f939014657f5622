package io.bulwark.engine.form;

import java.io.IOException;
import java.io.InputStream;

/** Camunda Forms for tests. */
public final class TestForms {

  private TestForms() {}

  /** {@code forms/invoice.form}: a form as Camunda Modeler saves it, with every supported input. */
  public static byte[] invoice() {
    try (InputStream in = TestForms.class.getResourceAsStream("/forms/invoice.form")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
