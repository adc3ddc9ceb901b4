package cn.talentportal.infra.axon;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * One aggregate type's view of the shared aggregate cache: its keys are prefixed with the type, so an id used by two
 * types never hands one type's cached aggregate to the other (which Axon would cast and fail on). Clearing the
 * shared cache clears every type's entries.
 */
final class TypeScopedCache implements Cache {

    private final Cache shared;
    private final String prefix;

    TypeScopedCache(Cache shared, String type) {
        this.shared = shared;
        this.prefix = type + "/";
    }

    @Override
    public <K, V> V get(K key) {
        return shared.get(scoped(key));
    }

    @Override
    public void put(Object key, Object value) {
        shared.put(scoped(key), value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return shared.putIfAbsent(scoped(key), value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return shared.computeIfAbsent(scoped(key), valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return shared.remove(scoped(key));
    }

    @Override
    public void removeAll() {
        shared.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return shared.containsKey(scoped(key));
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        shared.computeIfPresent(scoped(key), update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return shared.registerCacheEntryListener(cacheEntryListener);
    }

    private String scoped(Object key) {
        return prefix + key;
    }
}
