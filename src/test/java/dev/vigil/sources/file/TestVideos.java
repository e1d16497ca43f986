package dev.vigil.sources.file;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real videos under {@code ${vigil.data.dir}/video}, which the build passes to the tests. */
final class TestVideos {

    /** 768x432, 12.5 fps, 377 frames, moov atom at the front. */
    static Path carDetection() {
        return video("intel-sample-videos/car-detection.mp4");
    }

    /** 640x352, about 24 fps, 905 frames. */
    static Path streetTraffic() {
        return video("vehicle-counting-street/input_video.mp4");
    }

    static Path video(String relative) {
        String dataDir = System.getProperty("vigil.data.dir");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException(
                    "system property vigil.data.dir is not set; run the tests through Maven (the pom sets it) "
                            + "or pass -Dvigil.data.dir=<shared data folder>");
        }
        Path file = Path.of(dataDir, "video", relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test video missing: " + file.toAbsolutePath()
                    + " (vigil.data.dir=" + dataDir + ")");
        }
        return file;
    }

    private TestVideos() {}
}
