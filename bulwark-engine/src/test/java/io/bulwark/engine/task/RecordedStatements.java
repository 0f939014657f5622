package io.bulwark.engine.task;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A data source that records the prepared statements the engine executes, with their bound values,
 * so that a test can {@code EXPLAIN} exactly what a service call sent. Test code only.
 */
final class RecordedStatements {

  /** One executed statement: its SQL and its parameter setters by index, to replay them. */
  record Recorded(String sql, Map<Integer, Setter> setters) {

    /** Binds the recorded values to {@code statement} (same indexes). */
    void bind(PreparedStatement statement) throws SQLException {
      for (Setter setter : setters.values()) {
        setter.apply(statement);
      }
    }
  }

  /** A {@code PreparedStatement.setXxx(index, ...)} call. */
  record Setter(Method method, Object[] args) {
    void apply(PreparedStatement statement) throws SQLException {
      try {
        method.invoke(statement, args);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private final List<Recorded> recorded = new ArrayList<>();
  private final DataSource dataSource;

  RecordedStatements(DataSource target) {
    this.dataSource =
        proxy(
            DataSource.class,
            target,
            (method, args, result) ->
                result instanceof Connection connection && method.getName().equals("getConnection")
                    ? connection(connection)
                    : result);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The statements executed since the last call, and forgets them. */
  synchronized List<Recorded> take() {
    List<Recorded> taken = List.copyOf(recorded);
    recorded.clear();
    return taken;
  }

  private Connection connection(Connection target) {
    return proxy(
        Connection.class,
        target,
        (method, args, result) ->
            method.getName().equals("prepareStatement") && args[0] instanceof String sql
                ? statement((PreparedStatement) result, sql)
                : result);
  }

  private PreparedStatement statement(PreparedStatement target, String sql) {
    Map<Integer, Setter> setters = new TreeMap<>();
    return proxy(
        PreparedStatement.class,
        target,
        (method, args, result) -> {
          if (method.getName().startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer index) {
            setters.put(index, new Setter(method, args.clone()));
          } else if (method.getName().startsWith("execute") && (args == null || args.length == 0)) {
            synchronized (this) {
              recorded.add(new Recorded(sql, new TreeMap<>(setters)));
            }
          }
          return result;
        });
  }

  /** What to return instead of a target's result. */
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.apply(method, args, result);
        };
    return type.cast(
        Proxy.newProxyInstance(
            RecordedStatements.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
