package dev.vigil.sinks.video;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What the annotated video shows; {@link #ALL} by default. */
public record DrawOptions(Set<Element> elements) implements Serializable {

    /** One kind of thing drawn; {@link #wireName()} is its name in the config. */
    public enum Element {
        /** boxes of detections or tracked objects */
        BOXES,
        /** class, score and track id beside each box */
        LABELS,
        /** the last positions of each track */
        TRAILS,
        /** configured lines with their in/out counts */
        LINES,
        /** configured zones with their occupancy */
        ZONES,
        /** camera, time, frame rate and frame number at the top */
        HEADER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final DrawOptions ALL = new DrawOptions(EnumSet.allOf(Element.class));

    public DrawOptions {
        elements = elements.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(elements));
    }

    public boolean has(Element e) {
        return elements.contains(e);
    }
}
