package nl.proeftuin.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Dynamic proxies of JDBC interfaces for tests that make a database fail or stop at a chosen call. */
final class JdbcProxies {

    private JdbcProxies() {
    }

    /** Replaces what a call returned, e.g. to wrap the connection a data source hands out. */
    interface Wrap {
        Object apply(Method method, Object result);
    }

    /** Runs before every call; throwing makes the call fail without reaching the target. */
    interface Before {
        void accept(Method method) throws Exception;
    }

    static <T> T proxy(Class<T> type, T target, Wrap wrap, Before before) {
        InvocationHandler handler = (p, method, args) -> {
            before.accept(method);
            try {
                return wrap.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
