package dev.vigil.sources;

import dev.vigil.models.BgrImage;
import dev.vigil.models.ImageFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JPEG and PNG images to and from the packed BGR24 pixels a {@link Frame} carries, with the JDK's
 * ImageIO. Decoding is strict: a truncated or corrupt image, which ImageIO would otherwise
 * return half grey with only a warning, is an error.
 */
public final class FrameImages {

    static {
        // No temporary files per image: everything stays in memory.
        ImageIO.setUseCache(false);
    }

    private FrameImages() {}

    /** MIME type of JPEG images. */
    public static final String JPEG = "image/jpeg";
    /** MIME type of PNG images. */
    public static final String PNG = "image/png";

    /**
     * Decodes an image of the given MIME type (lower case, such as {@link #JPEG}).
     *
     * @throws IOException saying what is wrong when the bytes are not a complete image of that type
     */
    public static BgrImage decode(byte[] encoded, String mime) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mime);
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + mime);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in, true, true);
            image = reader.read(0);
        } catch (RuntimeException e) {
            // Some corrupt inputs make the decoders fail with unchecked exceptions.
            throw new IOException(e.toString(), e);
        } finally {
            reader.dispose();
        }
        if (!warnings.isEmpty()) {
            throw new IOException("corrupt " + mime + ": " + String.join("; ", warnings));
        }
        return ImageFiles.toBgr(image);
    }

    /** Encodes packed BGR24 pixels as a JPEG of the given quality (1 to 100). */
    public static byte[] jpeg(int width, int height, byte[] bgr, int quality) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, width * height * 3);
        return jpeg(image, quality);
    }

    /** Encodes an image as a JPEG of the given quality (1 to 100). */
    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
        }
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(JPEG).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Encodes an image as a PNG. */
    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
