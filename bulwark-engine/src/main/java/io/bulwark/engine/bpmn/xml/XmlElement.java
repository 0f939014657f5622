package io.bulwark.engine.bpmn.xml;

import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * One element of a read document: immutable, with the line where it starts (E1 messages name the
 * line). {@code text} is the concatenated character content directly inside the element.
 */
public record XmlElement(
    String namespace,
    String localName,
    Map<QName, String> attributes,
    List<XmlElement> children,
    String text,
    int line) {

  public XmlElement {
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  public boolean is(String ns, String name) {
    return namespace.equals(ns) && localName.equals(name);
  }

  /** Attribute without namespace (the BPMN attributes), or null. */
  public @Nullable String attribute(String name) {
    return attributes.get(new QName(name));
  }

  /** Attribute in a namespace, or null. */
  public @Nullable String attribute(String ns, String name) {
    return attributes.get(new QName(ns, name));
  }

  /** The {@code id} attribute, or null. */
  public @Nullable String id() {
    return attribute("id");
  }

  /** Children with the given namespace and local name, in document order. */
  public List<XmlElement> children(String ns, String name) {
    return children.stream().filter(c -> c.is(ns, name)).toList();
  }

  /** The first such child, or null. */
  public @Nullable XmlElement child(String ns, String name) {
    return children.stream().filter(c -> c.is(ns, name)).findFirst().orElse(null);
  }

  /** Prefix-free display name, e.g. {@code bpmn:userTask} or {@code camunda:formData}. */
  public String displayName() {
    if (Namespaces.BPMN.equals(namespace)) {
      return "bpmn:" + localName;
    }
    if (Namespaces.CAMUNDA.equals(namespace)) {
      return "camunda:" + localName;
    }
    return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
  }
}
