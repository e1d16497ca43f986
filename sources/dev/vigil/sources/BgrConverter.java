package dev.vigil.sources;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;

/**
 * Converts pictures as FFmpeg decoded them to packed BGR24 (rows of {@code width * 3} bytes), each at its
 * own size and pixel format.
 *
 * <p>Why not JavaCV's own conversion: it converts at the size the codec context has when the picture
 * comes out, and a decoder that holds pictures back (B-frames, frame threads) has already taken on the
 * next size when a stream changes size, so the last pictures of the old size came out scaled to the new
 * one. The picture itself always knows its size. Same scaler and flags as JavaCV's, so the pixels of a
 * stream that keeps its size are the same.
 *
 * <p>Not thread-safe; one per decoder. Reuses its native buffers, so a frame costs one copy into Java.
 */
public final class BgrConverter implements AutoCloseable {

    private SwsContext context;
    private BytePointer buffer = new BytePointer(0L);
    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer strides = new IntPointer(4);

    /** The picture's pixels as packed BGR24, {@code picture.width() x picture.height()}. */
    public byte[] convert(AVFrame picture) throws IOException {
        int width = picture.width();
        int height = picture.height();
        if (width <= 0 || height <= 0 || picture.format() < 0) {
            throw new IOException("decoder returned a picture without an image (" + width + "x" + height + ")");
        }
        context = swscale.sws_getCachedContext(context, width, height, picture.format(), width, height,
                avutil.AV_PIX_FMT_BGR24, swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IOException("cannot convert pictures of pixel format " + picture.format() + " to BGR24");
        }
        int rowBytes = width * 3;
        long bytes = (long) rowBytes * height;
        if (buffer.capacity() < bytes) {
            buffer.close();
            buffer = new BytePointer(bytes);
        }
        planes.put(0, buffer);
        strides.put(0, rowBytes);
        swscale.sws_scale(context, picture.data(), picture.linesize(), 0, height, planes, strides);
        byte[] bgr = new byte[(int) bytes];
        buffer.get(bgr, 0, bgr.length);
        return bgr;
    }

    @Override
    public void close() {
        swscale.sws_freeContext(context);
        context = null;
        buffer.close();
        planes.close();
        strides.close();
    }
}
