package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.ParsedDeployment;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.xml.BpmnSchema;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.SecureXmlReader;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.bpmn.xml.XmlRejectedException;
import java.io.InputStream;
import java.util.List;

/**
 * The one entry point for reading BPMN at deployment: hardened XML (E1), schema validation against
 * the bundled OMG schemas, the supported subset read into an immutable model, expressions compiled
 * and checked (E2), scripts and class references refused (E3, Z10), structure checked. Stateless
 * and thread-safe. It lives beside the readers so that the {@code bpmn} package of value types does
 * not depend on them (no package cycle).
 */
public final class BpmnParser {

  /** A document read with the hardened reader: its bytes and its element tree. */
  public record XmlDocument(byte[] bytes, XmlElement root) {}

  /**
   * Reads a BPMN or DMN document with the hardened XML reader (E1: no DTD, no external entity,
   * bounded size, depth and attributes).
   *
   * @throws BpmnValidationException naming the line of the first breach
   */
  public static XmlDocument readXml(InputStream in, ParseOptions options) {
    SecureXmlReader xml =
        new SecureXmlReader(options.maxBytes(), options.maxDepth(), options.maxAttributes());
    try {
      byte[] bytes = xml.readBounded(in);
      return new XmlDocument(bytes, xml.parse(bytes));
    } catch (XmlRejectedException e) {
      throw new BpmnValidationException(
          List.of(new Problem(null, e.line(), String.valueOf(e.getMessage()))));
    }
  }

  /**
   * Reads one BPMN document. Does not close {@code in}.
   *
   * @throws BpmnValidationException listing every problem found
   */
  public ParsedDeployment parse(InputStream in, ParseOptions options) {
    XmlDocument document = readXml(in, options);
    byte[] bytes = document.bytes();
    XmlElement root = document.root();
    if (!root.is(Namespaces.BPMN, "definitions")) {
      throw new BpmnValidationException(
          List.of(
              new Problem(
                  null,
                  root.line(),
                  "root element must be bpmn:definitions of BPMN 2.0, not " + root.displayName())));
    }
    List<Problem> schemaProblems =
        BpmnSchema.validate(bytes).stream()
            // Dangling ID references are reported by the structure checks, with the element ID.
            .filter(v -> !v.message().startsWith("cvc-id.1"))
            .map(v -> new Problem(null, v.line(), "BPMN 2.0 schema: " + v.message()))
            .toList();
    if (!schemaProblems.isEmpty()) {
      throw new BpmnValidationException(schemaProblems);
    }
    DefinitionsReader.Result result = DefinitionsReader.read(root, options);
    if (!result.problems().isEmpty()) {
      throw new BpmnValidationException(result.problems());
    }
    return new ParsedDeployment(result.processes(), result.messages(), result.errors());
  }
}
