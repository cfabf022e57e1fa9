package io.mlmd4j.planner;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.CyclicMetadataException;
import org.apache.calcite.rel.metadata.DelegatingMetadataRel;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.NullSentinel;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's metadata handlers without generated code. Calcite compiles a Java class with Janino
 * for each kind of metadata a planner asks for (row counts, costs, predicates and so on): a
 * JVM's first query waits about 0.15 s for Janino to load and compile the first eight. These
 * handlers do at run time what that code does: each call unwraps a delegating relational
 * expression, answers from the query's cache ({@link RelMetadataQuery#map}, with the same
 * cycle detection), and otherwise calls the method of the first handler, in the provider's
 * order, declared for the most specific class the expression is an instance of, in the order
 * Calcite's dispatch tests them. The choice is made once per class of expression.
 */
public final class MetadataDispatch implements MetadataHandlerProvider {

  /** Bounded as Calcite bounds its cache of generated handlers. */
  private static final Cache<RelMetadataProvider, MetadataDispatch> BY_PROVIDER =
      CacheBuilder.newBuilder()
          .maximumSize(CalciteSystemProperty.METADATA_HANDLER_CACHE_MAXIMUM_SIZE.value())
          .build();

  private final RelMetadataProvider provider;
  private final ConcurrentMap<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

  private MetadataDispatch(RelMetadataProvider provider) {
    this.provider = provider;
  }

  /** The handlers of a provider; one instance for equal providers, as Calcite's cache keeps. */
  public static MetadataDispatch of(RelMetadataProvider provider) {
    return BY_PROVIDER.asMap().computeIfAbsent(provider, MetadataDispatch::new);
  }

  /** Makes {@code cluster}'s metadata queries use the dispatch of its current provider. */
  public static void install(RelOptCluster cluster) {
    cluster.setMetadataQuerySupplier(() ->
        new RelMetadataQuery(of(cluster.getMetadataProvider())));
  }

  @Override
  public <H extends MetadataHandler<?>> H handler(Class<H> handlerClass) {
    return handlerClass.cast(handlers.computeIfAbsent(handlerClass, c -> newHandler(handlerClass)));
  }

  /** Never needed: the dispatch finds a class's handler method at its first call. */
  @Override
  public <H extends MetadataHandler<?>> H revise(Class<H> handlerClass) {
    return handler(handlerClass);
  }

  /** A handler whose methods' dispatch is worked out at their first call. */
  private <H extends MetadataHandler<?>> H newHandler(Class<H> handlerClass) {
    Map<String, Method> methods = MetadataHandler.handlerMethods(handlerClass);
    ConcurrentMap<String, Dispatch> dispatches = new ConcurrentHashMap<>();
    InvocationHandler invocation = (proxy, method, args) -> {
      if (methods.containsKey(method.getName())) {
        return dispatches.computeIfAbsent(method.getName(), name ->
            new Dispatch(methods.get(name), targets(handlerClass))).call(args);
      }
      return switch (method.getName()) {
        case "getDef" -> {
          List<MetadataHandler<?>> targets = targets(handlerClass);
          if (targets.isEmpty()) {
            throw new UnsupportedOperationException("No handler for " + handlerClass);
          }
          yield targets.get(0).getDef();
        }
        case "toString" -> "MetadataDispatch(" + handlerClass.getSimpleName() + ")";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.toString());
      };
    };
    return handlerClass.cast(Proxy.newProxyInstance(handlerClass.getClassLoader(),
        new Class<?>[] {handlerClass}, invocation));
  }

  /** The provider's handler objects for a kind of metadata, in its order, each once. */
  private List<MetadataHandler<?>> targets(Class<? extends MetadataHandler<?>> handlerClass) {
    return List.copyOf(new LinkedHashSet<>(provider.handlers(handlerClass)));
  }

  /** One metadata method: its cache key and, per class of expression, the method to call. */
  private static final class Dispatch {

    private final Method method;
    private final Object key = new Object();
    /** The classes with a handler method, subclasses first, as Calcite's dispatch orders them. */
    private final List<Target> targets;
    private final ConcurrentMap<Class<?>, Target> byClass = new ConcurrentHashMap<>();

    Dispatch(Method method, List<MetadataHandler<?>> handlers) {
      this.method = method;
      Map<Class<? extends RelNode>, Target> first = new HashMap<>();
      for (MetadataHandler<?> handler : handlers) {
        for (Method m : handler.getClass().getMethods()) {
          Class<? extends RelNode> relClass = relClass(m);
          if (relClass != null && !first.containsKey(relClass)) {
            m.trySetAccessible();
            first.put(relClass, new Target(handler, m));
          }
        }
      }
      List<Target> sorted = new ArrayList<>();
      for (Class<? extends RelNode> c : subclassesFirst(first.keySet())) {
        sorted.add(first.get(c));
      }
      this.targets = sorted;
    }

    /** The class a handler's method takes, if it implements this method; else null. */
    @SuppressWarnings("unchecked")
    private @Nullable Class<? extends RelNode> relClass(Method candidate) {
      if (!candidate.getName().equals(method.getName())
          || candidate.getParameterCount() != method.getParameterCount()) {
        return null;
      }
      Class<?>[] given = candidate.getParameterTypes();
      Class<?>[] declared = method.getParameterTypes();
      if (!RelNode.class.isAssignableFrom(given[0]) || given[1] != RelMetadataQuery.class) {
        return null;
      }
      for (int i = 2; i < declared.length; i++) {
        if (given[i] != declared[i]) {
          return null;
        }
      }
      return (Class<? extends RelNode>) given[0];
    }

    /**
     * Calcite's order: by name, each class moved behind the classes it is a superclass of.
     * The first class an expression is an instance of is then its most specific one.
     */
    private static List<Class<? extends RelNode>> subclassesFirst(
        Set<Class<? extends RelNode>> classes) {
      ArrayDeque<Class<? extends RelNode>> queue = new ArrayDeque<>(classes.stream()
          .sorted(Comparator.comparing(Class::getName)).toList());
      List<Class<? extends RelNode>> sorted = new ArrayList<>();
      while (!queue.isEmpty()) {
        Class<? extends RelNode> c = queue.remove();
        if (queue.stream().anyMatch(c::isAssignableFrom)) {
          queue.add(c);
        } else {
          sorted.add(c);
        }
      }
      return sorted;
    }

    /** The call with {@code args} (expression, query, the method's own), through the cache. */
    @Nullable Object call(Object[] args) throws Throwable {
      RelNode rel = (RelNode) args[0];
      while (rel instanceof DelegatingMetadataRel delegating) {
        rel = delegating.getMetadataDelegateRel();
      }
      RelMetadataQuery mq = (RelMetadataQuery) args[1];
      Object cacheKey = args.length == 2 ? key : cacheKey(args);
      Object cached = mq.map.get(rel, cacheKey);
      if (cached != null) {
        if (cached == NullSentinel.ACTIVE) {
          throw new CyclicMetadataException();
        }
        return cached == NullSentinel.INSTANCE ? null : cached;
      }
      mq.map.put(rel, cacheKey, NullSentinel.ACTIVE);
      try {
        Object[] callArgs = args.clone();
        callArgs[0] = rel;
        Target target = byClass.computeIfAbsent(rel.getClass(), this::target);
        Object value = target.method().invoke(target.handler(), callArgs);
        mq.map.put(rel, cacheKey, NullSentinel.mask(value));
        return value;
      } catch (InvocationTargetException e) {
        mq.map.row(rel).clear();
        throw e.getCause();
      } catch (RuntimeException | Error e) {
        mq.map.row(rel).clear();
        throw e;
      }
    }

    private Object cacheKey(Object[] args) {
      Object[] key = Arrays.copyOf(args, args.length);
      key[0] = this.key;
      key[1] = null;
      return Arrays.asList(key);
    }

    private Target target(Class<?> relClass) {
      for (Target t : targets) {
        if (t.relClass().isAssignableFrom(relClass)) {
          return t;
        }
      }
      throw new IllegalArgumentException("No handler for method [" + method
          + "] applied to argument of type [" + relClass
          + "]; we recommend you create a catch-all (RelNode) handler");
    }
  }

  /** A handler and its method for one class of expression. */
  private record Target(MetadataHandler<?> handler, Method method) {
    Class<?> relClass() {
      return method.getParameterTypes()[0];
    }
  }
}
