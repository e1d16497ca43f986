package dev.vigil.job.report;

import dev.vigil.sources.FrameImages;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** Small JPEG copies of snapshot images, as {@code data:} URIs that a page carries inside itself. */
final class Thumbnails {

    static final int WIDTH = 320;
    private static final int QUALITY = 80;

    private Thumbnails() {}

    /** The image at {@code file}, at most {@link #WIDTH} pixels wide, as a data URI; empty if it cannot be read. */
    static Optional<String> dataUri(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return Optional.empty();
            }
            byte[] jpeg = FrameImages.jpeg(scaled(image), QUALITY);
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
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
}
