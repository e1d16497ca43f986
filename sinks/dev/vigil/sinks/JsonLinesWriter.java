package dev.vigil.sinks;

import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/** Writer of {@link JsonLinesSink}: appends encoded lines, flushing at every checkpoint. */
final class JsonLinesWriter<T> implements StatefulSinkWriter<T, FileOffset> {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final JsonLineEncoder<T> encoder;
    private final FileChannel channel;
    private final ByteBuffer buffer;

    /**
     * @param file output file, or {@code null} for standard output
     * @param restored offsets of the last completed checkpoint; empty for a fresh start
     */
    JsonLinesWriter(Path file, JsonLineEncoder<T> encoder, Collection<FileOffset> restored) throws IOException {
        this.file = file;
        this.encoder = encoder;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES);
        if (file == null) {
            this.channel = null;
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        for (FileOffset offset : restored) {
            cutBack(Path.of(offset.path()), offset.length());
        }
        boolean restoredOwnFile = restored.stream().anyMatch(o -> Path.of(o.path()).equals(file));
        this.channel = restoredOwnFile
                ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void cutBack(Path path, long length) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("cannot restore output " + path + ": the file written up to the checkpoint ("
                    + length + " bytes) is gone");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (ch.size() < length) {
                throw new IOException("cannot restore output " + path + ": it has " + ch.size()
                        + " bytes but the checkpoint recorded " + length);
            }
            ch.truncate(length);
        }
    }

    @Override
    public void write(T record, Context context) throws IOException {
        byte[] line = (encoder.encode(record) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            printToStdout(line);
            return;
        }
        if (line.length > buffer.remaining()) {
            drain();
        }
        if (line.length > buffer.capacity()) {
            writeFully(ByteBuffer.wrap(line));
        } else {
            buffer.put(line);
        }
    }

    private static void printToStdout(byte[] line) {
        PrintStream out = System.out;
        synchronized (out) {
            out.write(line, 0, line.length);
            out.flush();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (channel != null) {
            drain();
            channel.force(false);
        }
    }

    @Override
    public List<FileOffset> snapshotState(long checkpointId) throws IOException {
        if (channel == null) {
            return List.of();
        }
        // flush() has run before the snapshot, so the channel's size is all the checkpoint covers.
        drain();
        return List.of(new FileOffset(file.toString(), channel.size()));
    }

    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                drain();
            } finally {
                channel.close();
            }
        }
    }
}
