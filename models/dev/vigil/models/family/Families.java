package dev.vigil.models.family;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model families Vigil can run, by id. */
public final class Families {

    private static final List<ModelFamily> ALL = List.of(NanoDetPlus.INSTANCE, YoloV6.INSTANCE, DamoYolo.INSTANCE,
            YoloV4Tiny.INSTANCE, YoloRet.INSTANCE);

    private Families() {}

    public static List<ModelFamily> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(ModelFamily::id).toList();
    }

    /** The family with this id (case-insensitive; {@code _} and spaces read as {@code -}). */
    public static Optional<ModelFamily> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return ALL.stream().filter(f -> f.id().equals(wanted)).findFirst();
    }

    public static String idList() {
        return ALL.stream().map(ModelFamily::id).collect(Collectors.joining(", "));
    }
}
