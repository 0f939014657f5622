package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.SETUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoricProcessInstanceQuery.Completion;
import io.bulwark.engine.api.HistoryService.HistoricActivityInstance;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.tls.ServerCertificates;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14's done-when test: Camunda's official external-task client (7.24), unchanged, with Basic
 * authentication over HTTPS that trusts only the server's own certificate, subscribes to two topics
 * and completes 1,000 external tasks' worth of orders; one order's charge reports a BPMN error that
 * the model catches. Every instance ends in history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalTaskClientIT {

  private static final int ORDERS = 1_000;
  private static final int DECLINED_ORDER = 500;

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  @Autowired ServerCertificates certificates;

  @Test
  void officialClientCompletesAThousandOrdersOverBasicAndHttps() throws Exception {
    RestTestClient rest = new RestTestClient(engine, ServerEndpoint.of(context));
    ExternalTaskModels model = ExternalTaskModels.unique();
    model.deploy(engine, SETUP);
    String[] worker = rest.newUser("client");
    model.grantWorker(engine, SETUP, worker[0]);
    List<ProcessInstance> orders = startOrders(model);

    AtomicInteger charged = new AtomicInteger();
    AtomicInteger shipped = new AtomicInteger();
    AtomicInteger declined = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExternalTaskClient client = client(worker);
    try {
      client
          .subscribe(model.charge())
          .variables("declined", "amount")
          .handler(
              (task, service) -> {
                try {
                  if (Boolean.TRUE.equals(task.getVariable("declined"))) {
                    service.handleBpmnError(task, "DECLINED", "card declined");
                    declined.incrementAndGet();
                  } else {
                    service.complete(task, Map.of("charged", true));
                    charged.incrementAndGet();
                  }
                } catch (RuntimeException e) {
                  failures.add(e);
                }
              })
          .open();
      client
          .subscribe(model.ship())
          .handler(
              (task, service) -> {
                try {
                  service.complete(task);
                  shipped.incrementAndGet();
                } catch (RuntimeException e) {
                  failures.add(e);
                }
              })
          .open();
      awaitEnded(model.key(), Duration.ofMinutes(8));
    } finally {
      client.stop();
    }

    assertThat(failures).isEmpty();
    assertThat(declined.get()).isEqualTo(1);
    assertThat(charged.get()).isEqualTo(ORDERS - 1);
    assertThat(shipped.get()).isEqualTo(ORDERS - 1);
    List<String> declinedPath =
        engine
            .historyService()
            .activityInstances(SETUP, orders.get(DECLINED_ORDER).id(), 0, 100)
            .items()
            .stream()
            .map(HistoricActivityInstance::activityId)
            .toList();
    assertThat(declinedPath).contains("declined").doesNotContain("ship");
  }

  private List<ProcessInstance> startOrders(ExternalTaskModels model) {
    List<ProcessInstance> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      orders.add(
          engine
              .runtimeService()
              .startProcessInstance(
                  SETUP,
                  StartInstanceRequest.byKey(model.key())
                      .withBusinessKey("order-" + i)
                      .withVariables(Map.of("declined", i == DECLINED_ORDER, "amount", 10L + i))));
    }
    return orders;
  }

  /** The official client, unchanged: Basic credentials, TLS trusting only the server. */
  private ExternalTaskClient client(String[] worker) throws Exception {
    SSLContext onlyTheServer = trustingOnly(certificates);
    return ExternalTaskClient.create()
        .baseUrl(ServerEndpoint.of(context).uri("/engine-rest").toString())
        .workerId("official-client")
        .maxTasks(50)
        .asyncResponseTimeout(10_000)
        .lockDuration(60_000)
        .addInterceptor(new BasicAuthProvider(worker[0], worker[1]))
        .customizeHttpClient(
            http ->
                http.setConnectionManager(
                    PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(onlyTheServer))
                        .build()))
        .build();
  }

  private void awaitEnded(String key, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long ended = 0;
    while (System.nanoTime() < deadline) {
      ended =
          engine
              .historyService()
              .findProcessInstances(
                  SETUP,
                  HistoricProcessInstanceQuery.all()
                      .ofProcess(key)
                      .in(Completion.FINISHED)
                      .page(0, 1))
              .total();
      if (ended == ORDERS) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(ended + " of " + ORDERS + " orders ended within " + limit);
  }

  /** Trusts the server's own certificate and nothing else (no default trust store). */
  private static SSLContext trustingOnly(ServerCertificates certificates) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("bulwark", certificates.findOrGenerate().certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
