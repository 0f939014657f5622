package io.bulwark.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The W1/W2 warm-up and timed parts, against an engine that only keeps a list of open tasks. */
class WorkloadsTest {

  private static final BenchDatabase H2 = new BenchDatabase("h2", "jdbc:h2:mem:none", "sa", "");

  @Test
  void warmUpStartsAndCompletesInRoundsOf250UntilItsCount() {
    TaskList engine = new TaskList();
    Samples samples = new Samples();

    Workloads.userTask(engine, args(600, 0), samples.forWorkload(Workload.W1));

    assertThat(engine.openWhenCompleting.subList(0, 3)).containsExactly(250, 250, 100);
    List<Integer> timed = engine.openWhenCompleting.subList(3, 4);
    assertThat(timed.get(0)).isGreaterThanOrEqualTo(10);
    assertThat(engine.open).isEmpty();
    assertThat(samples.asMap().get("W1/instances")).containsExactly(600.0 + timed.get(0));
  }

  @Test
  void warmUpGoesOnInFullRoundsUntilItsTimeHasPassed() {
    TaskList engine = new TaskList();
    Samples samples = new Samples();

    long begin = System.nanoTime();
    Workloads.userTask(engine, args(1, 1), samples.forWorkload(Workload.W1));

    List<Integer> rounds = engine.openWhenCompleting;
    List<Integer> warmup = rounds.subList(0, rounds.size() - 1);
    assertThat(warmup.get(0)).isEqualTo(1);
    assertThat(warmup.subList(1, warmup.size())).isNotEmpty().allMatch(size -> size == 250);
    assertThat(System.nanoTime() - begin).isGreaterThan(3_000_000_000L);
    assertThat(engine.open).isEmpty();
  }

  @Test
  void timedStartsReportTheJitCompilersWork() {
    Samples samples = new Samples();

    Workloads.gateway(new TaskList(), args(1, 0), samples.forWorkload(Workload.W2));

    assertThat(samples.asMap().get("W2/jit_ms_per_s"))
        .singleElement()
        .satisfies(perSecond -> assertThat(perSecond).isGreaterThanOrEqualTo(0.0));
    assertThat(samples.asMap()).containsKeys("W2/starts_per_s", "W2/completions_per_s");
  }

  @Test
  void d1_sensitiveUserTaskStartsEveryInstanceWithTheSensitiveVariable() {
    TaskList engine = new TaskList();
    Samples samples = new Samples();

    Workloads.userTaskSensitive(engine, engine, args(1, 0), samples.forWorkload(Workload.W1S));

    assertThat(engine.sensitiveValues)
        .hasSize(samples.asMap().get("W1S/instances").get(0).intValue())
        .allMatch(value -> value.matches("order-\\d+"));
    assertThat(engine.open).isEmpty();
    assertThat(samples.asMap()).containsKeys("W1S/starts_per_s", "W1S/completions_per_s");
  }

  private static ChildArgs args(int flowWarmup, int flowWarmupSeconds) {
    return new ChildArgs(
        "fake", H2, List.of(Workload.W1), 10, 0, 0, 0, flowWarmup, flowWarmupSeconds, 0);
  }

  /** Starts take a millisecond each, so that the timed part's two seconds hold a few thousand. */
  private static final class TaskList implements BenchEngine, SensitiveVariables {

    final List<String> open = new ArrayList<>();
    final List<String> sensitiveValues = new ArrayList<>();
    final List<Integer> openWhenCompleting = new ArrayList<>();
    private boolean started;
    private int next;

    @Override
    public Map<String, String> settings() {
      return Map.of();
    }

    @Override
    public void deploy(BenchProcess process) {}

    @Override
    public void start(BenchProcess process) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      open.add("task-" + next++);
      started = true;
    }

    @Override
    public void start(BenchProcess process, GatewayVariables variables) {
      start(process);
    }

    @Override
    public void start(BenchProcess process, String value) {
      sensitiveValues.add(value);
      start(process);
    }

    @Override
    public List<String> openTaskIds(int max) {
      if (started) {
        openWhenCompleting.add(open.size());
        started = false;
      }
      return List.copyOf(open.subList(0, Math.min(max, open.size())));
    }

    @Override
    public void completeTask(String taskId) {
      open.remove(taskId);
    }

    @Override
    public long runningInstances(BenchProcess process) {
      return open.size();
    }

    @Override
    public void createIdentities(List<String> groups, Map<String, List<String>> groupsByUser) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void createOpenTasks(int count, List<String> groups) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> firstPage(String user, List<String> groups, int pageSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count(String user, List<String> groups) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int fetchAndComplete(String workerId, int max) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
