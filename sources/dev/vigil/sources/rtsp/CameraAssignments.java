package dev.vigil.sources.rtsp;

import java.util.List;
import java.util.Set;

/**
 * The enumerator's checkpoint: which cameras have ever been handed to a reader (their state lives in
 * the readers from then on) and which wait to be handed out.
 */
public record CameraAssignments(Set<String> assigned, List<CameraSplit> pending) {

    public CameraAssignments {
        assigned = Set.copyOf(assigned);
        pending = List.copyOf(pending);
    }
}
