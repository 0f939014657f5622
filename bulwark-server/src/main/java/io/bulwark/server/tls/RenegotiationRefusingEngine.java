package io.bulwark.server.tls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The JDK's server engine, made to refuse a client-initiated TLS 1.2 renegotiation with an alert
 * (T2). The JDK refuses it ({@code jdk.tls.rejectClientInitiatedRenegotiation}), but in a delegated
 * task whose alert only a later {@code wrap} would send, and Tomcat's NIO channel does not wrap
 * while it reads: the client got silence until the read timeout. Here, a handshake record that
 * arrives after the first handshake is handed to the JDK, its tasks run at once, and {@code unwrap}
 * throws, so Tomcat closes the connection, and the closing {@code wrap} sends the JDK's alert.
 *
 * <p>Only the outer record type is read: a TLS 1.3 connection carries every post-handshake message
 * inside application-data records, so this never touches TLS 1.3.
 */
final class RenegotiationRefusingEngine extends SSLEngine {

  private static final byte HANDSHAKE_RECORD = 22;

  private final SSLEngine engine;
  private volatile boolean established;
  private volatile boolean refused;

  RenegotiationRefusingEngine(SSLEngine engine) {
    super(engine.getPeerHost(), engine.getPeerPort());
    this.engine = engine;
  }

  @Override
  public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
      throws SSLException {
    if (refused) {
      return flushAlert(srcs, offset, length, dst);
    }
    return observed(engine.wrap(srcs, offset, length, dst));
  }

  @Override
  public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
      throws SSLException {
    if (established && src.hasRemaining() && src.get(src.position()) == HANDSHAKE_RECORD) {
      refuse(src, dsts, offset, length);
    }
    return observed(engine.unwrap(src, dsts, offset, length));
  }

  private void refuse(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
      throws SSLException {
    refused = true;
    try {
      engine.unwrap(src, dsts, offset, length);
      for (Runnable task = engine.getDelegatedTask(); task != null; ) {
        task.run();
        task = engine.getDelegatedTask();
      }
    } catch (SSLException | RuntimeException e) {
      // The JDK refused it already; the alert it queued goes out with the closing wrap.
    }
    throw new SSLHandshakeException("client-initiated renegotiation refused (T2)");
  }

  /** After a refusal: the JDK rethrows its refusal once, then hands out the queued alert. */
  private SSLEngineResult flushAlert(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
      throws SSLException {
    try {
      return engine.wrap(srcs, offset, length, dst);
    } catch (SSLException first) {
      return engine.wrap(srcs, offset, length, dst);
    }
  }

  private SSLEngineResult observed(SSLEngineResult result) {
    if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      established = true;
    }
    return result;
  }

  @Override
  public Runnable getDelegatedTask() {
    return engine.getDelegatedTask();
  }

  @Override
  public void closeInbound() throws SSLException {
    engine.closeInbound();
  }

  @Override
  public boolean isInboundDone() {
    return engine.isInboundDone();
  }

  @Override
  public void closeOutbound() {
    engine.closeOutbound();
  }

  @Override
  public boolean isOutboundDone() {
    return engine.isOutboundDone();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return engine.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return engine.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    engine.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return engine.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return engine.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    engine.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return engine.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return engine.getHandshakeSession();
  }

  @Override
  public void beginHandshake() throws SSLException {
    engine.beginHandshake();
  }

  @Override
  public HandshakeStatus getHandshakeStatus() {
    return engine.getHandshakeStatus();
  }

  @Override
  public void setUseClientMode(boolean mode) {
    engine.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return engine.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    engine.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return engine.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    engine.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return engine.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    engine.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return engine.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return engine.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    engine.setSSLParameters(params);
  }

  @Override
  public String getApplicationProtocol() {
    return engine.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return engine.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(
      BiFunction<SSLEngine, List<String>, String> selector) {
    engine.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return engine.getHandshakeApplicationProtocolSelector();
  }
}
