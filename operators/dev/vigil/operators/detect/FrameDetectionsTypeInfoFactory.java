package dev.vigil.operators.detect;

import dev.vigil.sources.types.RecordTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/** Tells Flink to use {@link FrameDetectionsSerializer} wherever {@link FrameDetections} flow. */
public final class FrameDetectionsTypeInfoFactory extends TypeInfoFactory<FrameDetections> {

    public static final TypeInformation<FrameDetections> TYPE_INFO =
            new RecordTypeInfo<>(FrameDetections.class, FrameDetectionsSerializer.INSTANCE);

    @Override
    public TypeInformation<FrameDetections> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
