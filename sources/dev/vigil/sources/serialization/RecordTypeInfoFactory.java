package dev.vigil.sources.serialization;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Base for the {@link org.apache.flink.api.common.typeinfo.TypeInfo} factories of Vigil's records:
 * a subclass names its record class and serializer, and Flink uses that serializer wherever the
 * record flows.
 */
public abstract class RecordTypeInfoFactory<T> extends TypeInfoFactory<T> {

    private final TypeInformation<T> typeInfo;

    protected RecordTypeInfoFactory(Class<T> recordClass, TypeSerializer<T> serializer) {
        this.typeInfo = new RecordTypeInfo<>(recordClass, serializer);
    }

    @Override
    public final TypeInformation<T> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return typeInfo;
    }
}
