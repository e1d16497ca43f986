package dev.vigil.models.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From a model's contiguous class ids (0..n-1) to a dataset's category ids, matched by name:
 * COCO-trained models number the 80 classes 0..79 while COCO files use ids 1..90 with gaps.
 */
public final class CategoryMapping {

    private final int[] categoryIds;

    private CategoryMapping(int[] categoryIds) {
        this.categoryIds = categoryIds;
    }

    /**
     * Matches each class name to the category of the same name (ignoring case, and treating
     * {@code _} as a space).
     *
     * @throws IllegalArgumentException naming every class with no category of that name
     */
    public static CategoryMapping byName(List<String> classNames, List<CocoCategory> categories) {
        Map<String, Integer> byName = new HashMap<>();
        for (CocoCategory category : categories) {
            byName.putIfAbsent(normalise(category.name()), category.id());
        }
        int[] ids = new int[classNames.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Integer id = byName.get(normalise(classNames.get(i)));
            if (id == null) {
                unknown.add(i + " '" + classNames.get(i) + "'");
                ids[i] = -1;
            } else {
                ids[i] = id;
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the model's classes " + String.join(", ", unknown)
                    + " have no category of that name in the annotations (categories: "
                    + String.join(", ", categories.stream().map(CocoCategory::name).toList()) + ")");
        }
        return new CategoryMapping(ids);
    }

    /** The category id of model class {@code classId}. */
    public int categoryId(int classId) {
        if (classId < 0 || classId >= categoryIds.length) {
            throw new IllegalArgumentException("class id " + classId + " outside 0.." + (categoryIds.length - 1));
        }
        return categoryIds[classId];
    }

    public int size() {
        return categoryIds.length;
    }

    private static String normalise(String name) {
        return name.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
