package io.bulwark.engine.bpmn.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation against the OMG BPMN 2.0 schemas bundled in this jar (E1). The schema factory and
 * every validator have external DTD and schema access set to empty and a resolver that serves only
 * the five bundled files, so neither the schemas nor a model's {@code xsi:schemaLocation} can make
 * us fetch anything. Camunda attributes and elements pass through the schemas' lax extension
 * points. The compiled schema is shared and thread-safe.
 */
public final class BpmnSchema {

  /** Stop collecting schema errors after this many; the rest would only repeat. */
  private static final int MAX_ERRORS = 50;

  private static final String ROOT = "/io/bulwark/engine/bpmn/schema/";
  private static final Set<String> FILES =
      Set.of("BPMN20.xsd", "Semantic.xsd", "BPMNDI.xsd", "DI.xsd", "DC.xsd");

  private static final Schema SCHEMA = load();

  private BpmnSchema() {}

  /** One schema violation with its line. */
  public record Violation(int line, String message) {}

  /** Validates a document already accepted by {@link SecureXmlReader} (so it has no DTD). */
  public static List<Violation> validate(byte[] document) {
    List<Violation> violations = new ArrayList<>();
    Validator validator = SCHEMA.newValidator();
    try {
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setResourceResolver(bundledOnly());
      validator.setErrorHandler(new Collector(violations));
      validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    } catch (SAXParseException e) {
      violations.add(new Violation(e.getLineNumber(), String.valueOf(e.getMessage())));
    } catch (SAXException e) {
      violations.add(new Violation(0, String.valueOf(e.getMessage())));
    } catch (IOException e) {
      violations.add(new Violation(0, "could not read the document: " + e.getMessage()));
    }
    return List.copyOf(violations);
  }

  private static Schema load() {
    try {
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setResourceResolver(bundledOnly());
      URL main = resource("BPMN20.xsd");
      try (InputStream in = main.openStream()) {
        return factory.newSchema(new StreamSource(in, main.toExternalForm()));
      }
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("bundled BPMN schemas could not be loaded", e);
    }
  }

  private static URL resource(String file) {
    URL url = BpmnSchema.class.getResource(ROOT + file);
    if (url == null) {
      throw new IllegalStateException("bundled schema " + file + " is missing");
    }
    return url;
  }

  /** Serves the bundled files by name; any other reference fails instead of being fetched. */
  private static LSResourceResolver bundledOnly() {
    return (type, namespace, publicId, systemId, baseUri) -> {
      String file = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
      if (!FILES.contains(file)) {
        throw new IllegalStateException(
            "schema reference '" + systemId + "' is not one of the bundled BPMN schemas (E1)");
      }
      URL url = resource(file);
      try {
        return new BundledSchemaInput(publicId, url.toExternalForm(), baseUri, url.openStream());
      } catch (IOException e) {
        throw new IllegalStateException("bundled schema " + file + " is unreadable", e);
      }
    };
  }

  private record Collector(List<Violation> violations) implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // warnings do not make a model invalid
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      violations.add(new Violation(e.getLineNumber(), String.valueOf(e.getMessage())));
      if (violations.size() >= MAX_ERRORS) {
        throw new SAXException("too many schema errors; stopped after " + MAX_ERRORS);
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
