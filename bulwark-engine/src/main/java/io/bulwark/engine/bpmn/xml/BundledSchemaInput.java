package io.bulwark.engine.bpmn.xml;

import java.io.InputStream;
import java.io.Reader;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.ls.LSInput;

/** A bundled schema file handed to the schema factory instead of anything it might fetch (E1). */
final class BundledSchemaInput implements LSInput {

  private final String publicId;
  private final String systemId;
  private final String baseUri;
  private InputStream stream;

  BundledSchemaInput(String publicId, String systemId, String baseUri, InputStream stream) {
    this.publicId = publicId;
    this.systemId = systemId;
    this.baseUri = baseUri;
    this.stream = stream;
  }

  @Override
  public @Nullable Reader getCharacterStream() {
    return null;
  }

  @Override
  public void setCharacterStream(Reader characterStream) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public InputStream getByteStream() {
    return stream;
  }

  @Override
  public void setByteStream(InputStream byteStream) {
    this.stream = byteStream;
  }

  @Override
  public @Nullable String getStringData() {
    return null;
  }

  @Override
  public void setStringData(String stringData) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public String getSystemId() {
    return systemId;
  }

  @Override
  public void setSystemId(String value) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public String getPublicId() {
    return publicId;
  }

  @Override
  public void setPublicId(String value) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public String getBaseURI() {
    return baseUri;
  }

  @Override
  public void setBaseURI(String value) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public @Nullable String getEncoding() {
    return null;
  }

  @Override
  public void setEncoding(String encoding) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public boolean getCertifiedText() {
    return false;
  }

  @Override
  public void setCertifiedText(boolean certifiedText) {
    throw new UnsupportedOperationException("read-only");
  }
}
