/**
 * The contract between the benchmark driver and one engine: {@link BenchEngine} (implemented once
 * per engine in its own module and classpath), the workloads W1-W4 written once against it, and
 * {@link ChildMain}, the child JVM's entry point that prints one {@code BENCH-RESULT} JSON line.
 * JDK only, so that it fits on every engine's classpath.
 */
package io.bulwark.bench.api;
