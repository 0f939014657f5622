package io.bulwark.bench.driver;

/** One row of the JSON file: which engine, database, workload and metric. */
record ResultKey(String engine, String db, String workload, String metric) {}
