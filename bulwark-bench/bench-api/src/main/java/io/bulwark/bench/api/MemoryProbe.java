package io.bulwark.bench.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Live heap after a full GC and the process's peak resident set size (Linux). */
final class MemoryProbe {

  private MemoryProbe() {}

  /** Heap in use after {@code System.gc()} (a full collection with G1 by default), in MiB. */
  static double liveHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /** {@code VmHWM} of {@code /proc/self/status} in MiB, or -1 where there is none. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).trim().split("\\s+", -1)[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
