package dev.vigil.sources.types;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/** Tells Flink to use {@link FrameSerializer} wherever a {@link Frame} flows. */
public final class FrameTypeInfoFactory extends TypeInfoFactory<Frame> {

    public static final TypeInformation<Frame> TYPE_INFO =
            new RecordTypeInfo<>(Frame.class, FrameSerializer.INSTANCE);

    @Override
    public TypeInformation<Frame> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
