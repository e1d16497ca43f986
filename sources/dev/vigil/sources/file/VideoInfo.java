package dev.vigil.sources.file;

import java.io.Serializable;

/**
 * What a probe learned about a video file's first video stream.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps nominal frame rate (average frame rate of the stream)
 * @param frameCount frame count the container declares for the stream ({@code nb_frames}), or an
 *     estimate from duration and frame rate when the container does not declare one
 * @param durationMillis duration of the video stream (of the container if the stream has none)
 */
public record VideoInfo(int width, int height, double fps, long frameCount, long durationMillis)
        implements Serializable {}
