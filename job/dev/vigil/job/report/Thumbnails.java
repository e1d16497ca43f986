package dev.vigil.job.report;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** Small JPEG copies of snapshot images, as {@code data:} URIs that a page carries inside itself. */
final class Thumbnails {

    static final int WIDTH = 320;
    private static final float QUALITY = 0.8f;

    private Thumbnails() {}

    /** The image at {@code file}, at most {@link #WIDTH} pixels wide, as a data URI; empty if it cannot be read. */
    static Optional<String> dataUri(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return Optional.empty();
            }
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(scaled(image))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        int width = Math.min(WIDTH, image.getWidth());
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
