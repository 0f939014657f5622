package io.bulwark.bench.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Entry point of one round in a child JVM: builds the engine named by {@code --engine} (found with
 * {@link ServiceLoader}), runs one workload on the given database and prints one {@link ResultLine}
 * on stdout. Engine logging goes to stderr. Exits non-zero on any failure.
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
    long begin = System.nanoTime();
    Map<String, String> settings = new LinkedHashMap<>();
    try (BenchEngine engine = factory.build(args.database(), args.workload())) {
      samples.add("build_ms", (System.nanoTime() - begin) / 1e6);
      settings.putAll(engine.settings());
      switch (args.workload()) {
        case W1 -> {
          Workloads.userTask(engine, args, samples);
          samples.add("heap_live_mb", MemoryProbe.liveHeapMb());
        }
        case W2 -> Workloads.gateway(engine, args, samples);
        case W3 -> TaskQueryWorkload.run(engine, args, samples);
        case W4 -> Workloads.externalTasks(engine, args, samples);
        default -> throw new IllegalArgumentException("unknown workload " + args.workload());
      }
    }
    samples.add("rss_peak_mb", MemoryProbe.peakRssMb());
    System.out.println(ResultLine.format(args.engine(), settings, samples));
    System.out.flush();
    System.exit(0);
  }
}
