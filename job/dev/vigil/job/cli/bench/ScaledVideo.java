package dev.vigil.job.cli.bench;

import dev.vigil.sources.FfmpegLog;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of a sample video at the resolutions a benchmark asks for (HD and 4K cameras from the small samples
 * at hand), H.264 at about 0.4 bits per pixel, a camera's quality rather than a web stream's.
 */
final class ScaledVideo {

    private ScaledVideo() {}

    /**
     * The first {@code frames} frames of {@code source} at {@code resolution} ({@code WxH}), made once in
     * {@code workDir} and reused by later runs.
     */
    static Path of(Path source, String resolution, int frames, Path workDir) throws Exception {
        String[] size = resolution.toLowerCase(java.util.Locale.ROOT).split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        Files.createDirectories(workDir);
        Path out = workDir.resolve("video-" + width + "x" + height + "-" + frames + ".mp4");
        if (Files.isRegularFile(out)) {
            return out;
        }
        BenchCommand.progress("scaling " + source.getFileName() + " to " + resolution + " ...");
        Path partial = workDir.resolve(out.getFileName() + ".partial.mp4");
        FfmpegLog.install();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), width, height, 0)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                // A whole frame rate: some encoders refuse a time base as fine as 4711/113125 (24.01 fps).
                recorder.setFrameRate(Math.max(1, Math.round(grabber.getFrameRate())));
                // About 0.4 bits per pixel: 20 Mbit/s at 1080p, a camera's quality rather than a web stream's.
                recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, 0.4 * width * height * 24));
                recorder.start();
                Frame image;
                int written = 0;
                while (written < frames && (image = grabber.grabImage()) != null) {
                    recorder.record(image);
                    written++;
                }
            }
        }
        Files.move(partial, out);
        return out;
    }
}
