package io.bulwark.bench.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Entry point of one child JVM: builds the engine named by {@code --engine} (found with {@link
 * ServiceLoader}) once per workload, runs the workloads in order on the given database and prints
 * one {@link ResultLine} on stdout, metrics named {@code WORKLOAD/metric}. Each workload gets its
 * own engine because the peers are configured per workload (authorization for W3, Flowable's async
 * executor for W4); its {@code build_ms} is that build (the first one pays class loading and schema
 * creation). Settings are printed as {@code WORKLOAD/name}. Engine logging goes to stderr. Exits
 * non-zero on any failure.
 */
public final class ChildMain {

  private ChildMain() {}

  public static void main(String[] argv) {
    ChildArgs args = ChildArgs.parse(argv);
    BenchEngineFactory factory =
        ServiceLoader.load(BenchEngineFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals(args.engine()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no engine " + args.engine()));
    Samples samples = new Samples();
    Map<String, String> settings = new LinkedHashMap<>();
    for (Workload workload : args.workloads()) {
      run(factory, workload, args, samples.forWorkload(workload), settings);
    }
    System.out.println(ResultLine.format(args.engine(), settings, samples));
    System.out.flush();
    System.exit(0);
  }

  private static void run(
      BenchEngineFactory factory,
      Workload workload,
      ChildArgs args,
      Samples.Scoped samples,
      Map<String, String> settings) {
    long begin = System.nanoTime();
    try (BenchEngine engine = factory.build(args.database(), workload)) {
      samples.add("build_ms", (System.nanoTime() - begin) / 1e6);
      engine.settings().forEach((k, v) -> settings.put(workload.name() + Samples.SEPARATOR + k, v));
      switch (workload) {
        case W1 -> {
          Workloads.userTask(engine, args, samples);
          samples.add("heap_live_mb", MemoryProbe.liveHeapMb());
        }
        case W2 -> Workloads.gateway(engine, args, samples);
        case W3 -> TaskQueryWorkload.run(engine, args, samples);
        case W4 -> Workloads.externalTasks(engine, args, samples);
        case W1S -> Workloads.userTaskSensitive(engine, sensitive(engine, workload), args, samples);
        case W2S -> {
          sensitive(engine, workload);
          Workloads.gateway(engine, args, samples);
        }
        default -> throw new IllegalArgumentException("unknown workload " + workload);
      }
    }
    // Peak so far: in a child that runs several workloads, it includes the earlier ones.
    samples.add("rss_peak_mb", MemoryProbe.peakRssMb());
  }

  /** W1S and W2S need an engine that encrypts sensitive variables; the peers' adapters do not. */
  private static SensitiveVariables sensitive(BenchEngine engine, Workload workload) {
    if (!(engine instanceof SensitiveVariables sensitive)) {
      throw new IllegalArgumentException(
          workload + " needs an engine with field encryption; this adapter has none");
    }
    return sensitive;
  }
}
