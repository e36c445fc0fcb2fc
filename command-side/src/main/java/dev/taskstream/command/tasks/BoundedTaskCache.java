package dev.taskstream.command.tasks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on Caffeine: tasks in use, up to a count (Caffeine drops those used least often and least
 * lately), held by soft references so that the collector takes them back only when the heap runs short. Axon's own
 * {@code WeakReferenceCache} lost them at the next young collection, every one to two seconds under the write
 * benchmark, so a task edited again a few seconds later was read from the store again. Aggregate repositories
 * register no entry listeners, so this cache offers none.
 */
final class BoundedTaskCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> tasks;

    BoundedTaskCache(long maximumSize) {
        this.tasks = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) tasks.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        tasks.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return tasks.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) tasks.get(key, absent -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return tasks.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        tasks.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return tasks.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        tasks.asMap().computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The task cache has no entry listeners: repositories register none.");
    }
}
