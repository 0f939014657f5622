package io.bulwark.engine.runtime;

import io.bulwark.engine.api.spi.JavaDelegate;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instantiates Java delegates, only for class names on the allowlist (Z10), once per class. The
 * allowlist is checked again here, not only at deployment, so a definition deployed under a wider
 * allowlist cannot run a class the current configuration no longer allows. Thread-safe.
 */
final class DelegateRegistry {

  private final Set<String> allowed;
  private final Map<String, JavaDelegate> instances = new ConcurrentHashMap<>();

  DelegateRegistry(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  JavaDelegate get(String className) {
    if (!allowed.contains(className)) {
      throw new ProcessExecutionException(
          "Java delegate " + className + " is not on the allowlist of delegate classes (Z10)");
    }
    return instances.computeIfAbsent(className, DelegateRegistry::create);
  }

  private static JavaDelegate create(String className) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(className, false, loader);
      if (!JavaDelegate.class.isAssignableFrom(type)) {
        throw new ProcessExecutionException(className + " does not implement JavaDelegate");
      }
      return (JavaDelegate) type.getConstructor().newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new ProcessExecutionException(
          "Java delegate " + className + " cannot be instantiated: " + e.getClass().getSimpleName(),
          e);
    }
  }
}
