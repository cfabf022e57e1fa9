package io.mlmd4j.jdbc.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The dynamic proxies by which the driver wraps JDBC objects of its backends' pools. */
final class Proxies {

  private Proxies() {}

  /** A proxy implementing {@code type} whose calls go to {@code handler}. */
  static <T> T of(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(Proxies.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }

  /** Calls {@code method} on {@code target}, throwing what it throws (not its reflective wrapper). */
  static Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
