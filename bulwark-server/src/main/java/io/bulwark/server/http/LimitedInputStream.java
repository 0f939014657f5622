package io.bulwark.server.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A servlet input stream that counts what is read and throws {@link RequestTooLargeException} as
 * soon as more than the limit has been read (W6). Covers chunked bodies and lying Content-Length
 * headers. Not thread-safe, like the stream it wraps.
 */
final class LimitedInputStream extends ServletInputStream {

  private final ServletInputStream delegate;
  private final long limit;
  private long count;

  LimitedInputStream(ServletInputStream delegate, long limit) {
    this.delegate = delegate;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = delegate.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = delegate.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(int n) {
    count += n;
    if (count > limit) {
      throw new RequestTooLargeException(limit);
    }
  }

  @Override
  public boolean isFinished() {
    return delegate.isFinished();
  }

  @Override
  public boolean isReady() {
    return delegate.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    delegate.setReadListener(listener);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
