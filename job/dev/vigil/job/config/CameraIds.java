package dev.vigil.job.config;

import java.util.Collection;
import java.util.List;

/** Checks of camera ids a config names against the cameras its input carries. */
final class CameraIds {

    private CameraIds() {}

    /**
     * Notes a problem for every camera under {@code section} that the input does not carry: its settings would
     * silently never apply (a misspelt camera id, most likely).
     */
    static void checkKnown(String section, Collection<String> configured, List<String> inputCameras,
            List<String> problems) {
        for (String camera : configured) {
            if (!inputCameras.contains(camera)) {
                String hint = NearestName.to(camera, inputCameras).map(known -> "did you mean " + known + "? ")
                        .orElse("");
                problems.add(section + "." + camera + ": the input has no camera '" + camera + "' (" + hint
                        + "its cameras: " + String.join(", ", inputCameras) + ")");
            }
        }
    }
}
