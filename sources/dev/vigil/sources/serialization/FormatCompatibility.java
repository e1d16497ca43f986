package dev.vigil.sources.serialization;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;

/** What restoring state of one format version with code of another takes. */
final class FormatCompatibility {

    private FormatCompatibility() {}

    /** As is for the same version, a migration from an older one; a newer one cannot be read. */
    static <T> TypeSerializerSchemaCompatibility<T> of(int oldVersion, int newVersion) {
        if (oldVersion == newVersion) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return oldVersion < newVersion
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
