package dev.vigil.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX models (IR 8, opset 13) with a detector's input and the output shapes of a model
 * family, for contract, auto-detection and batching tests without real weights. The graph: the
 * image input {@code [B, 3, H, W]} is averaged to one value {@code m} per image, and each output is
 * {@code m * gain + bias} reshaped to the output's shape, so outputs depend on the image but their
 * layout is fully chosen by the test. A hand-written protobuf encoder: only the fields used here.
 */
final class TinyOnnx {

    /** One graph output: name, dims without the batch axis, and per-value bias and gain. */
    record Output(String name, long[] dims, float[] bias, float[] gain) {
        static Output zeros(String name, long... dims) {
            long count = 1;
            for (long d : dims) {
                count *= d;
            }
            return new Output(name, dims, new float[Math.toIntExact(count)], null);
        }
    }

    private TinyOnnx() {}

    /**
     * @param batch fixed batch size, or 0 for a dynamic batch axis
     */
    static Path write(Path file, int batch, int width, int height, List<Output> outputs) throws IOException {
        Files.write(file, model(batch, width, height, outputs));
        return file;
    }

    static byte[] model(int batch, int width, int height, List<Output> outputs) {
        Proto graph = new Proto();
        graph.message(1, node("ReduceMean", List.of("images"), "mean", new Proto()
                .message(5, new Proto().string(1, "axes").longs(8, 1, 2, 3).varint(20, 7))
                .message(5, new Proto().string(1, "keepdims").varint(3, 1).varint(20, 2))));
        graph.message(1, node("Reshape", List.of("mean", "mean_shape"), "m", new Proto()));
        graph.message(5, int64Tensor("mean_shape", 0, 1));
        for (Output output : outputs) {
            int count = output.bias().length;
            float[] gain = output.gain() != null ? output.gain() : new float[count];
            String n = output.name();
            graph.message(1, node("Mul", List.of("m", n + "_gain"), n + "_scaled", new Proto()));
            graph.message(1, node("Add", List.of(n + "_scaled", n + "_bias"), n + "_flat", new Proto()));
            graph.message(1, node("Reshape", List.of(n + "_flat", n + "_shape"), n, new Proto()));
            graph.message(5, floatTensor(n + "_gain", gain, 1, count));
            graph.message(5, floatTensor(n + "_bias", output.bias(), 1, count));
            long[] shape = new long[output.dims().length + 1];
            System.arraycopy(output.dims(), 0, shape, 1, output.dims().length);
            graph.message(5, int64Tensor(n + "_shape", shape));
            long[] declared = shape.clone();
            declared[0] = batch > 0 ? batch : -1;
            graph.message(12, valueInfo(n, declared));
        }
        graph.string(2, "tiny");
        graph.message(11, valueInfo("images", new long[] {batch > 0 ? batch : -1, 3, height, width}));
        return new Proto()
                .varint(1, 8)
                .string(2, "vigil-tests")
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13))
                .bytes();
    }

    private static Proto node(String op, List<String> inputs, String output, Proto attributes) {
        Proto node = new Proto();
        inputs.forEach(i -> node.string(1, i));
        node.string(2, output).string(3, output + "_node").string(4, op);
        node.raw(attributes.bytes());
        return node;
    }

    /** A float tensor; -1 dims are symbolic ("batch"). */
    private static Proto valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            shape.message(1, d >= 0 ? new Proto().varint(1, d) : new Proto().string(2, "batch"));
        }
        Proto tensorType = new Proto().varint(1, 1).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    private static Proto floatTensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return new Proto().longs(1, dims).varint(2, 1).string(8, name).bytes(9, raw.array());
    }

    private static Proto int64Tensor(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return new Proto().longs(1, values.length).varint(2, 7).string(8, name).bytes(9, raw.array());
    }

    /** Minimal protobuf writer: varints, length-delimited fields, packed int64s. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto bytes(int field, byte[] value) {
            tag(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.bytes());
        }

        /** Repeated int64 as separate (unpacked) entries, which every parser accepts. */
        Proto longs(int field, long... values) {
            for (long v : values) {
                varint(field, v);
            }
            return this;
        }

        Proto raw(byte[] encodedFields) {
            out.writeBytes(encodedFields);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            writeVarint(((long) field << 3) | wireType);
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
