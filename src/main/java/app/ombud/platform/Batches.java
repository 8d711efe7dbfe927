package app.ombud.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Glue for {@code @BatchMapping}s: the keys of a batch, and each source paired with what was found for it. */
public final class Batches {

    private Batches() {
    }

    /** The distinct, non-null keys of the sources, for one {@code $in} lookup. */
    public static <S, K> Collection<K> keys(List<S> sources, Function<S, K> key) {
        return sources.stream().map(key).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Each source with the value found for its key; sources without one are left out (null in GraphQL). */
    public static <S, K, V> Map<S, V> byKey(List<S> sources, Function<S, K> key, Map<K, V> found) {
        return sources.stream().filter(s -> key.apply(s) != null && found.containsKey(key.apply(s)))
                .collect(Collectors.toMap(Function.identity(), s -> found.get(key.apply(s)), (a, b) -> a));
    }
}
