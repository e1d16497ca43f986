package dev.vigil.sinks;

import java.io.Serializable;

/** Turns one record into one line of JSON (without the line break). */
@FunctionalInterface
public interface JsonLineEncoder<T> extends Serializable {

    String encode(T record);
}
