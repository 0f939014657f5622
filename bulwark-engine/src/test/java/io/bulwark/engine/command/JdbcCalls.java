package io.bulwark.engine.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts JDBC calls (getConnection, commit, rollback, addBatch, executeBatch, executeUpdate) made
 * through a data source, by wrapping the driver's own objects in JDK proxies. Instruments JDBC, not
 * our classes.
 */
public final class JdbcCalls {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public int count(String method) {
    AtomicInteger count = counts.get(method);
    return count == null ? 0 : count.get();
  }

  public DataSource wrap(DataSource dataSource) {
    return proxy(DataSource.class, dataSource);
  }

  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          counts.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof PreparedStatement statement) {
            return proxy(PreparedStatement.class, statement);
          } else if (result instanceof Statement statement) {
            return proxy(Statement.class, statement);
          } else if (result instanceof Connection connection) {
            return proxy(Connection.class, connection);
          }
          return result;
        };
    return type.cast(
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
  }
}
