package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.BaselineGrader;
import io.bulwark.server.doctor.DoctorException;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remote mode of {@code bulwark doctor} (O1): probes one live server and reports one finding
 * per baseline requirement, graded by {@link BaselineGrader} as in local mode; a requirement the
 * probe cannot see from outside is a WARN that says so. Contacts only the given host and port, with
 * 5-second connect and read timeouts, anonymously.
 */
public final class RemoteProbe {

  /** The fix named for a complete requirement that the probe cannot see from outside. */
  static final String UNCHECKED =
      "not visible from outside; run 'bulwark doctor' on the server (local mode)";

  private final Clock clock;

  public RemoteProbe(Clock clock) {
    this.clock = clock;
  }

  /**
   * Relaxes this JVM's TLS algorithm constraints so that the probe can offer TLS 1.0/1.1 and weak
   * suites (T2, T3). Call before any other TLS use, and only in a JVM that serves nothing, such as
   * the {@code bulwark doctor} command.
   */
  public static void prepareJvm() {
    ProbeConnector.allowLegacyAlgorithmsForProbeOnly();
  }

  /** Probes the target; throws {@link DoctorException} when it cannot be reached at all. */
  public DoctorReport probe(ProbeTarget target, ProbeOptions options) {
    requireReachable(target);
    ProbeConnector connector = new ProbeConnector(target);
    List<Finding> findings = new ArrayList<>();
    findings.add(TransportChecks.t1(connector));
    findings.add(TransportChecks.t2(connector));
    findings.add(TransportChecks.t3(connector));
    Optional<OpensslClient> openssl = OpensslClient.find();
    findings.add(TlsDetailChecks.serverOrder(target, openssl));
    findings.add(TlsDetailChecks.groups(target, openssl));
    findings.add(TlsDetailChecks.renegotiation(connector));
    connector.handshake(new String[] {"TLSv1.3", "TLSv1.2"}, null);
    findings.add(CertificateCheck.t4(connector.lastChain(), options, clock.instant()));
    Answers answers = Answers.collect(connector);
    findings.add(HeaderChecks.t5(answers));
    findings.add(HeaderChecks.w1(answers));
    findings.add(HeaderChecks.w3(answers));
    findings.add(HeaderChecks.w4(answers));
    findings.add(ExposureChecks.w5(answers));
    findings.add(ExposureChecks.a1(answers));
    findings.add(ExposureChecks.w7(answers, target));
    findings.add(CsrfCheck.w2(connector, answers.login()));
    findings.add(FirewallCheck.w6(connector));
    findings.add(AnswerChecks.w6(connector));
    findings.add(AnswerChecks.w5(connector));
    findings.add(AnswerChecks.w13(connector));
    return BaselineGrader.grade(DoctorReport.REMOTE, options.profile(), findings, UNCHECKED);
  }

  private static void requireReachable(ProbeTarget target) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(target.host(), target.port()), ProbeConnector.TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new DoctorException(
          "cannot connect to " + target.authority() + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
