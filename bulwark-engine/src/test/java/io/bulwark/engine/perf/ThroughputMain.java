package io.bulwark.engine.perf;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rough throughput measurement (not a test, not a benchmark of record: see bulwark-bench): starts
 * N instances of start → user task → end and completes them, on H2 and PostgreSQL, with a few
 * threads, and logs instances per second for each phase. Arguments: instances (default 2000),
 * threads (default 4).
 */
public final class ThroughputMain {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  private static final Logger LOG = LoggerFactory.getLogger(ThroughputMain.class);

  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    for (EngineDatabase database : List.of(EngineDatabase.H2, EngineDatabase.POSTGRESQL)) {
      try (HikariDataSource dataSource = database.open();
          BulwarkEngine engine = BulwarkEngine.builder().dataSource(dataSource).build()) {
        TestGrants.allToGroup(dataSource, "accounting");
        engine
            .repositoryService()
            .deploy(
                ALICE,
                DeploymentRequest.of(
                    "perf", "perf.bpmn", model().getBytes(StandardCharsets.UTF_8)));
        run(engine, Math.min(200, instances), threads); // warm-up
        double[] rates = run(engine, instances, threads);
        LOG.info(
            "{}: {} instances, {} threads: start {} /s, complete {} /s, start+complete {} /s",
            database,
            instances,
            threads,
            Math.round(rates[0]),
            Math.round(rates[1]),
            Math.round(rates[2]));
      }
    }
  }

  private static double[] run(BulwarkEngine engine, int instances, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        started.add(
            pool.submit(
                () -> {
                  ProcessInstance p =
                      engine
                          .runtimeService()
                          .startProcessInstance(ALICE, StartInstanceRequest.byKey("perf"));
                  return p.id();
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : started) {
        ids.add(f.get(5, TimeUnit.MINUTES));
      }
      long t1 = System.nanoTime();
      List<Future<?>> completed = new ArrayList<>();
      for (String id : ids) {
        completed.add(
            pool.submit(
                () -> {
                  TaskView task =
                      engine
                          .taskService()
                          .findTasks(ALICE, TaskQuery.all().ofInstance(id))
                          .items()
                          .get(0);
                  engine.taskService().complete(ALICE, task.id(), Map.of());
                  return null;
                }));
      }
      for (Future<?> f : completed) {
        f.get(5, TimeUnit.MINUTES);
      }
      long t2 = System.nanoTime();
      return new double[] {
        instances / ((t1 - t0) / 1e9), instances / ((t2 - t1) / 1e9), instances / ((t2 - t0) / 1e9)
      };
    } finally {
      pool.shutdownNow();
    }
  }

  private static String model() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d" targetNamespace="http://bulwark.io/perf">
          <bpmn:process id="perf" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
  }
}
