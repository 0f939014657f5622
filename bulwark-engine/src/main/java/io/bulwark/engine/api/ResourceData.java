package io.bulwark.engine.api;

import java.util.Objects;

/** A deployment resource with its bytes (copied in and out). */
public record ResourceData(String id, String name, String deploymentId, byte[] bytes) {

  public ResourceData {
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceData r
        && id.equals(r.id)
        && java.util.Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ResourceData[" + id + " " + name + ", " + bytes.length + " bytes]";
  }
}
