package dev.vigil.models;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads image files (JPEG, PNG, BMP …) into {@link BgrImage}s the way OpenCV's {@code imread}
 * does, for tests and offline evaluation.
 *
 * <p>Colour JPEGs are decoded to raw YCbCr and converted with libjpeg's integer formula, ignoring
 * any embedded ICC profile: {@code ImageIO.read} would convert from the profile to sRGB (phone
 * photos carry Display P3), shifting pixel values by up to ~60 levels from what the models were
 * trained and verified on. The result equals libjpeg-turbo's output.
 */
public final class ImageFiles {

    private static final int SCALE_BITS = 16;
    private static final int HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_TO_R = new int[256];
    private static final int[] CB_TO_B = new int[256];
    private static final int[] CR_TO_G = new int[256];
    private static final int[] CB_TO_G = new int[256];

    static {
        // libjpeg jdcolor.c build_ycc_rgb_table
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_TO_R[i] = (fix(1.40200) * x + HALF) >> SCALE_BITS;
            CB_TO_B[i] = (fix(1.77200) * x + HALF) >> SCALE_BITS;
            CR_TO_G[i] = -fix(0.71414) * x;
            CB_TO_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private ImageFiles() {}

    /**
     * @throws UncheckedIOException if the file is missing, unreadable or not an image format Java
     *     can decode
     */
    public static BgrImage readBgr(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("image file " + file.toAbsolutePath() + " does not exist"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image format javax.imageio can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                if (isYCbCrJpeg(reader)) {
                    return fromYCbCr(reader.readRaster(0, null));
                }
                return toBgr(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    "cannot read image " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The image's pixels as packed BGR bytes (converted when it is stored otherwise). */
    public static BgrImage toBgr(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var graphics = bgr.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, null);
            } finally {
                graphics.dispose();
            }
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int expected = bgr.getWidth() * bgr.getHeight() * 3;
        if (pixels.length != expected) {
            // A sub-image shares a larger raster; copy out exactly this image's rows.
            pixels = new byte[expected];
            bgr.getRaster().getDataElements(0, 0, bgr.getWidth(), bgr.getHeight(), pixels);
        }
        return new BgrImage(bgr.getWidth(), bgr.getHeight(), pixels);
    }

    /**
     * A three-component JPEG stored as YCbCr: the JFIF default, unless an Adobe marker says the
     * components are RGB (transform 0).
     */
    private static boolean isYCbCrJpeg(ImageReader reader) throws IOException {
        if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) {
            return false;
        }
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null) {
            return false;
        }
        Node tree = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        Element sof = firstElement(tree, "sof");
        if (sof == null || !"3".equals(sof.getAttribute("numFrameComponents"))) {
            return false;
        }
        Element adobe = firstElement(tree, "app14Adobe");
        return adobe == null || "1".equals(adobe.getAttribute("transform"));
    }

    private static Element firstElement(Node tree, String name) {
        NodeList nodes = ((Element) tree).getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static BgrImage fromYCbCr(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] ycc = (byte[]) raster.getDataElements(0, 0, width, height, null);
        byte[] bgr = new byte[width * height * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            int y = ycc[i] & 0xFF;
            int cb = ycc[i + 1] & 0xFF;
            int cr = ycc[i + 2] & 0xFF;
            bgr[i] = clampToByte(y + CB_TO_B[cb]);
            bgr[i + 1] = clampToByte(y + ((CB_TO_G[cb] + CR_TO_G[cr]) >> SCALE_BITS));
            bgr[i + 2] = clampToByte(y + CR_TO_R[cr]);
        }
        return new BgrImage(width, height, bgr);
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    private static byte clampToByte(int value) {
        return (byte) Math.max(0, Math.min(255, value));
    }
}
