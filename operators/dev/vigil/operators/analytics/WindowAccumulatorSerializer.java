package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checkpoint format of {@link WindowAccumulator}, format 1: frames; classes (count, then class and
 * its track ids); line counts (count, then key, in, out); zone sums (count, then key, sum, max);
 * zone names. A new format needs a versioned snapshot like {@link CameraAnalyticsStateSerializer}'s.
 */
public final class WindowAccumulatorSerializer extends TypeSerializerSingleton<WindowAccumulator> {

    private static final long serialVersionUID = 1L;

    public static final WindowAccumulatorSerializer INSTANCE = new WindowAccumulatorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public WindowAccumulator createInstance() {
        return new WindowAccumulator();
    }

    @Override
    public WindowAccumulator copy(WindowAccumulator from) {
        return from.copy();
    }

    @Override
    public WindowAccumulator copy(WindowAccumulator from, WindowAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(WindowAccumulator a, DataOutputView out) throws IOException {
        out.writeLong(a.frames);
        out.writeInt(a.tracks.size());
        for (Map.Entry<String, TreeSet<Long>> e : a.tracks.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (long id : e.getValue()) {
                out.writeLong(id);
            }
        }
        writePairs(a.lines, out);
        writePairs(a.zones, out);
        out.writeInt(a.zoneNames.size());
        for (String z : a.zoneNames) {
            out.writeUTF(z);
        }
    }

    private static void writePairs(TreeMap<String, long[]> map, DataOutputView out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, long[]> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue()[0]);
            out.writeLong(e.getValue()[1]);
        }
    }

    private static void readPairs(TreeMap<String, long[]> map, DataInputView in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
        }
    }

    @Override
    public WindowAccumulator deserialize(DataInputView in) throws IOException {
        WindowAccumulator a = new WindowAccumulator();
        a.frames = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String label = in.readUTF();
            int m = in.readInt();
            TreeSet<Long> ids = new TreeSet<>();
            for (int k = 0; k < m; k++) {
                ids.add(in.readLong());
            }
            a.tracks.put(label, ids);
        }
        readPairs(a.lines, in);
        readPairs(a.zones, in);
        n = in.readInt();
        for (int i = 0; i < n; i++) {
            a.zoneNames.add(in.readUTF());
        }
        return a;
    }

    @Override
    public WindowAccumulator deserialize(WindowAccumulator reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<WindowAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
