package dev.vigil.job;

import dev.vigil.job.config.ImageSize;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.sources.Frame;
import dev.vigil.sources.file.FileVideoSource;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Frames from local video files ({@code input.type: file}), one camera per file. */
final class FileFrameInput implements FrameInput {

    private final FileVideoSource source;

    private FileFrameInput(FileVideoSource source) {
        this.source = source;
    }

    /** The input the config describes, or {@code null} with the reasons added to {@code problems}. */
    static FileFrameInput fromConfig(VigilConfig config, List<String> problems) {
        // VigilConfig has checked that paths are given for a file input.
        List<String> paths = config.get(VigilOptions.INPUT_PATHS);
        List<String> cameras = config.get(VigilOptions.INPUT_CAMERA_IDS);
        FileVideoSource.Builder builder = FileVideoSource.builder()
                .frameStride(config.get(VigilOptions.INPUT_STRIDE).intValue())
                .maxFrames(config.get(VigilOptions.INPUT_MAX_FRAMES))
                .loop(config.get(VigilOptions.INPUT_LOOP))
                .realtime(config.get(VigilOptions.INPUT_REALTIME));
        int before = problems.size();
        for (int i = 0; i < paths.size(); i++) {
            String where = VigilOptions.INPUT_PATHS.key() + "[" + i + "]";
            int problemsBefore = problems.size();
            Path file = config.path(where, paths.get(i), problems);
            if (problems.size() > problemsBefore) {
                continue;
            }
            if (Files.isDirectory(file)) {
                problems.add(where + ": " + file + " is a directory; give a video file");
            } else if (!Files.isRegularFile(file)) {
                problems.add(where + ": video file not found: " + file
                        + " (give a local video with --input FILE, or set VIGIL_DATA_DIR to a folder that has "
                        + "the sample videos)");
            } else if (!Files.isReadable(file)) {
                problems.add(where + ": video file is not readable: " + file);
            } else {
                // No ids (or an empty list: -i on the command line) means each file's name.
                builder.addVideo(file, cameras == null || cameras.isEmpty() ? null : cameras.get(i));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new FileFrameInput(builder.build());
        } catch (IllegalArgumentException e) {
            problems.add(VigilOptions.INPUT_PATHS.key() + ": " + e.getMessage()
                    + (e.getMessage().contains("camera id") ? " (" + VigilOptions.INPUT_CAMERA_IDS.key() + ")" : ""));
            return null;
        }
    }

    @Override
    public DataStream<Frame> addTo(StreamExecutionEnvironment env) {
        return FrameInput.of(source).addTo(env);
    }

    @Override
    public long expectedFrames() {
        return source.expectedFrames();
    }

    @Override
    public Optional<List<String>> cameraIds() {
        return Optional.of(source.cameraIds());
    }

    /** Each camera's frame size, as its video's header gave it when the source was built. */
    @Override
    public Map<String, ImageSize> frameSizes() {
        Map<String, ImageSize> sizes = new LinkedHashMap<>();
        source.videoInfos().forEach((camera, info) -> sizes.put(camera, new ImageSize(info.width(), info.height())));
        return sizes;
    }
}
