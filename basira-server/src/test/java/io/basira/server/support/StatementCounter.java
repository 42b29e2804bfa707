package io.basira.server.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends its database, per round trip: each statement executed (a batch
 * counts once: the driver sends it in one go) and each commit or rollback, on the threads a predicate
 * picks (the web server's, to leave out background loops). A {@link BeanPostProcessor}: declare it as a
 * bean in a test configuration and every {@code DataSource} bean is wrapped.
 */
public final class StatementCounter implements BeanPostProcessor {

    private final Predicate<Thread> counted;
    private final AtomicLong roundTrips = new AtomicLong();
    private final Map<String, AtomicLong> bySql = new ConcurrentHashMap<>();

    public StatementCounter(Predicate<Thread> counted) {
        this.counted = counted;
    }

    /** The web server's request threads. */
    public static StatementCounter ofRequests() {
        return new StatementCounter(thread -> thread.getName().startsWith("http-nio-"));
    }

    public long roundTrips() {
        return roundTrips.get();
    }

    /** The statements counted since the last {@link #reset}, by the start of their text (for reading a failure). */
    public Map<String, Long> bySql() {
        Map<String, Long> counts = new TreeMap<>();
        bySql.forEach((sql, count) -> counts.put(sql, count.get()));
        return counts;
    }

    public void reset() {
        roundTrips.set(0);
        bySql.clear();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, null);
        }
        return bean;
    }

    private <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (result instanceof Connection connection && !(result instanceof Proxy)) {
                return proxy(Connection.class, connection, null);
            }
            if (result instanceof Statement statement && target instanceof Connection) {
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> kind = result instanceof java.sql.CallableStatement
                        ? java.sql.CallableStatement.class
                        : result instanceof java.sql.PreparedStatement
                                ? java.sql.PreparedStatement.class
                                : Statement.class;
                return proxy(kind.asSubclass(Statement.class), statement, text);
            }
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
                count(name);
            } else if (target instanceof Statement && (name.startsWith("execute"))) {
                String text =
                        sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                count(text);
            }
            return result;
        };
        @SuppressWarnings("unchecked")
        T wrapped = (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
        return wrapped;
    }

    private void count(String sql) {
        if (counted.test(Thread.currentThread())) {
            roundTrips.incrementAndGet();
            String key = sql.length() > 70 ? sql.substring(0, 70) : sql;
            bySql.computeIfAbsent(key, any -> new AtomicLong()).incrementAndGet();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
