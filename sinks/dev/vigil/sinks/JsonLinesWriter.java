package dev.vigil.sinks;

import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

import org.apache.flink.runtime.execution.SuppressRestartsException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
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
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw failed("open", file, e);
            }
        }
        for (FileOffset offset : restored) {
            cutBack(Path.of(offset.path()), offset.length());
        }
        boolean restoredOwnFile = restored.stream().anyMatch(o -> Path.of(o.path()).equals(file));
        try {
            this.channel = restoredOwnFile
                    ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)
                    : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failed("open", file, e);
        }
    }

    /**
     * An output that cannot be opened or written stops the job, naming the file and the system's reason,
     * without restarts: a full disk or a vanished directory fails again the same way, and a restart would
     * only hide the cause behind the errors of the operators it cancels.
     */
    private static RuntimeException failed(String what, Path file, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage();
        IOException named = new IOException("cannot " + what + " output " + file + ": " + reason);
        // The system's own exception stays in the log, beside the one the user is shown.
        named.addSuppressed(e);
        return new SuppressRestartsException(named);
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
    public void write(T record, Context context) {
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
    public void flush(boolean endOfInput) {
        if (channel != null) {
            drain();
            try {
                channel.force(false);
            } catch (IOException e) {
                throw failed("write", file, e);
            }
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

    private void drain() {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw failed("write", file, e);
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
