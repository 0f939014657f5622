package io.bulwark.bench.bulwark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts what an engine sends to the database through a {@link DataSource}: statement executions
 * (each {@code execute*} call, a batch counted once, and each {@code setTransactionIsolation}:
 * round trips before the commit), rows added to batches, and commits. A diagnostic of {@link
 * SqlCount}; the timed rounds do not use it.
 */
final class StatementCounter {

  private static final Set<String> EXECUTES =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  private final AtomicLong executions = new AtomicLong();
  private final AtomicLong batchedRows = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  /** Statement round trips so far. */
  long executions() {
    return executions.get();
  }

  long batchedRows() {
    return batchedRows.get();
  }

  long commits() {
    return commits.get();
  }

  /** The data source, counting. */
  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, this::onDataSource);
  }

  private Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    return result instanceof Connection c ? proxy(Connection.class, c, this::onConnection) : result;
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (method.getName().equals("commit")) {
      commits.incrementAndGet();
    } else if (method.getName().equals("setTransactionIsolation")) {
      // PgJDBC sends SET SESSION CHARACTERISTICS … on every call: a round trip of its own.
      executions.incrementAndGet();
    }
    if (result instanceof CallableStatement s) {
      return proxy(CallableStatement.class, s, this::onStatement);
    }
    if (result instanceof PreparedStatement s) {
      return proxy(PreparedStatement.class, s, this::onStatement);
    }
    if (result instanceof Statement s) {
      return proxy(Statement.class, s, this::onStatement);
    }
    return result;
  }

  private Object onStatement(Object target, Method method, Object[] args) throws Throwable {
    if (EXECUTES.contains(method.getName())) {
      executions.incrementAndGet();
    } else if (method.getName().equals("addBatch")) {
      batchedRows.incrementAndGet();
    }
    return invoke(target, method, args);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The handler of one proxied JDBC object. */
  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler invocation = (p, method, args) -> handler.handle(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }
}
