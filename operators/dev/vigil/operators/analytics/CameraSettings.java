package dev.vigil.operators.analytics;

import java.io.Serializable;
import java.util.List;

/** The lines and zones of one camera. */
public record CameraSettings(List<LineSettings> lines, List<ZoneSettings> zones) implements Serializable {

    public static final CameraSettings NONE = new CameraSettings(List.of(), List.of());

    public CameraSettings {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }
}
