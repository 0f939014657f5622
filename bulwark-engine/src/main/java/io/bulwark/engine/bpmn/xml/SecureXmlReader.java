package io.bulwark.engine.bpmn.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a document into an {@link XmlElement} tree with the JDK's StAX parser, hardened (E1): a
 * DOCTYPE is refused outright (so no DTD, no entity of any kind, no billion laughs), external DTD
 * and schema access is empty, the JDK's entity and attribute limits are set low, and our own limits
 * cap bytes, depth and attributes per element. Thread-safe.
 */
public final class SecureXmlReader {

  private final int maxBytes;
  private final int maxDepth;
  private final int maxAttributes;

  public SecureXmlReader(int maxBytes, int maxDepth, int maxAttributes) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.maxAttributes = maxAttributes;
  }

  /** Reads at most {@code maxBytes}; one more byte rejects the document. */
  public byte[] readBounded(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new XmlRejectedException(
            "document is larger than the limit of " + maxBytes + " bytes", 0);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the model", e);
    }
  }

  /** Parses the bytes; throws {@link XmlRejectedException} naming the line on any refusal. */
  public XmlElement parse(byte[] document) {
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(new ByteArrayInputStream(document));
      return readDocument(reader);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new XmlRejectedException("malformed XML: " + cleanMessage(e), line);
    } finally {
      close(reader);
    }
  }

  static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setProperty("jdk.xml.entityExpansionLimit", "64");
    factory.setProperty("jdk.xml.totalEntitySizeLimit", "4096");
    factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "1024");
    factory.setProperty("jdk.xml.maxParameterEntitySizeLimit", "1024");
    factory.setProperty("jdk.xml.elementAttributeLimit", "1024");
    factory.setProperty("jdk.xml.maxElementDepth", "256");
    return factory;
  }

  private XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    while (reader.hasNext()) {
      int event = reader.next();
      int line = reader.getLocation().getLineNumber();
      switch (event) {
        case XMLStreamConstants.DTD ->
            throw new XmlRejectedException(
                "DOCTYPE is not allowed: BPMN models may not contain a DTD or entity declarations (E1)",
                line);
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XmlRejectedException(
                "entity reference &" + reader.getLocalName() + "; is not allowed (E1)", line);
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= maxDepth) {
            throw new XmlRejectedException(
                "elements are nested deeper than the limit of " + maxDepth, line);
          }
          open.push(start(reader, line));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        default -> {
          // comments, processing instructions, document start and end carry no model content
        }
      }
    }
    if (root == null) {
      throw new XmlRejectedException("document has no root element", 0);
    }
    return root;
  }

  private Builder start(XMLStreamReader reader, int line) {
    int count = reader.getAttributeCount();
    if (count > maxAttributes) {
      throw new XmlRejectedException(
          "element <"
              + reader.getLocalName()
              + "> has "
              + count
              + " attributes; the limit is "
              + maxAttributes,
          line);
    }
    Map<QName, String> attributes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      QName name = reader.getAttributeName(i);
      attributes.put(
          new QName(Namespaces.canonical(name.getNamespaceURI()), name.getLocalPart()),
          reader.getAttributeValue(i));
    }
    String ns =
        reader.getNamespaceURI() == null ? "" : Namespaces.canonical(reader.getNamespaceURI());
    return new Builder(ns, reader.getLocalName(), attributes, line);
  }

  private static String cleanMessage(XMLStreamException e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    int detail = message.indexOf("Message: ");
    return detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
  }

  private static void close(@Nullable XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was written; a failed close leaks nothing
      }
    }
  }

  private static final class Builder {
    private final String namespace;
    private final String localName;
    private final Map<QName, String> attributes;
    private final int line;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Builder(String namespace, String localName, Map<QName, String> attributes, int line) {
      this.namespace = namespace;
      this.localName = localName;
      this.attributes = attributes;
      this.line = line;
    }

    XmlElement build() {
      return new XmlElement(namespace, localName, attributes, children, text.toString(), line);
    }
  }
}
